package dev.scaletoolkit.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Scale emulator for this test class: a fresh data directory, a free port on 127.0.0.1, one account.
 * Fields and parameters of type {@link RunningEmulator}, {@code ScaleClient} and {@code EmulatorControl}, and
 * {@code String}s marked {@link EmulatorValue}, are filled in.
 *
 * <pre>{@code
 * @ScaleEmulatorTest
 * class LabelingTest {
 *     ScaleClient scale;
 *
 *     @Test
 *     void completes(RunningEmulator emulator) { ... emulator.completeTask(id); ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ScaleEmulatorExtension.class)
public @interface ScaleEmulatorTest {
    /** One emulator per test class (the default), or one shared by every class of the JVM that asks for it. */
    Scope scope() default Scope.CLASS;

    /** Whether the simulated workforce completes live tasks by itself (default true). */
    boolean workforce() default true;

    /** How long the workforce takes per task, in milliseconds (default 200). */
    long workforceDelayMillis() default 200;
}
