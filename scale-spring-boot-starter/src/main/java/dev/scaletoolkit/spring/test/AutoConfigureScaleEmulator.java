package dev.scaletoolkit.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the starter's {@code ScaleClient} at a Scale emulator for a Spring Boot test: {@code scale.base-url},
 * {@code scale.api-key} and {@code scale.callback.auth-key} are set to the emulator's, and the emulator is a bean
 * ({@code RunningEmulator}) for the test to complete tasks, inject faults or read the request journal.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureScaleEmulator(workforce = false)
 * class LabelingServiceTest {
 *     @Autowired LabelingService service;   // uses the ScaleClient bean
 *     @Autowired RunningEmulator emulator;
 * }
 * }</pre>
 *
 * <p>The emulator is the test kit's (add {@code dev.scaletoolkit:scale-emulator-junit} as a test dependency): one
 * child JVM for the whole test run, emptied before each test class, so Spring's cached contexts keep pointing at
 * it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureScaleEmulator {
    /**
     * Whether the simulated workforce completes live tasks by itself.
     *
     * @return true (the default); false leaves tasks pending for the test
     */
    boolean workforce() default true;

    /**
     * How long the workforce takes per task.
     *
     * @return milliseconds, 200 by default
     */
    long workforceDelayMillis() default 200;

    /**
     * Whether the emulator is emptied before the class (the account and its keys stay).
     *
     * @return true (the default)
     */
    boolean reset() default true;
}
