package dev.scaletoolkit.model.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the no-argument method whose result is a type's whole JSON form (an open enum's string, a geometry's
 * object). A type with such a method and a static {@code of(String)} factory is read back from a JSON string.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface WireValue {}
