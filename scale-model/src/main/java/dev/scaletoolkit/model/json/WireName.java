package dev.scaletoolkit.model.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON key of a record component ({@code @WireName("task_id") String taskId}). The toolkit's own annotation,
 * so the wire records carry no JSON library's types: {@link RecordCodec} reads it, and so does the Jackson binding
 * in {@code scale-model-jackson}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface WireName {
    /**
     * The key as it appears on the wire.
     *
     * @return the JSON key
     */
    String value();
}
