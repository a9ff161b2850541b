package dev.scaletoolkit.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives this test class a Scale emulator with no data and one account, on a free port on 127.0.0.1, running in a
 * child JVM (one for the whole test run, emptied before each class; see {@link Scope}). Fields and parameters of
 * type {@link RunningEmulator}, {@code ScaleClient}, {@code EmulatorControl} and {@link TestClock}, and {@code String}s marked
 * {@link EmulatorValue}, are filled in.
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
    /**
     * What the class shares with the other classes of the run.
     *
     * @return {@link Scope#CLASS} (the default: emptied before the class), {@link Scope#JVM} (data kept) or
     *     {@link Scope#ISOLATED} (an emulator of its own)
     */
    Scope scope() default Scope.CLASS;

    /**
     * Whether the simulated workforce completes live tasks by itself.
     *
     * @return true (the default) to have live tasks completed; false to leave them pending for the test
     */
    boolean workforce() default true;

    /**
     * How long the workforce takes per task.
     *
     * @return milliseconds, 200 by default
     */
    long workforceDelayMillis() default 200;

    /**
     * Where the emulator's clock stands, for a test that controls time: the clock stays at this instant until the
     * test moves it with {@link TestClock#advance} (inject a {@link TestClock}), so the workforce, leases, sessions,
     * callback retries and sweeps act only when the test says time has passed. The class gets an emulator of its
     * own, as with {@link Scope#ISOLATED}: the shared emulator's time has already run and cannot go back.
     *
     * @return an ISO-8601 instant such as {@code "2026-01-05T09:00:00Z"}; empty (the default) for the system clock
     */
    String clockStart() default "";
}
