package dev.scaletoolkit.spring.test;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import java.time.Duration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each test class marked {@link AutoConfigureScaleEmulator}: empties the emulator (unless {@code reset =
 * false}) and sets its workforce as the annotation asks. Registered in {@code META-INF/spring.factories}.
 */
public final class ScaleEmulatorTestExecutionListener extends AbstractTestExecutionListener {
    /** Created by Spring's test framework. */
    public ScaleEmulatorTestExecutionListener() {}

    /** Early, before the context is loaded or the test instance prepared. */
    @Override
    public int getOrder() {
        return 900;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        AutoConfigureScaleEmulator settings = TestContextAnnotationUtils.findMergedAnnotation(
                testContext.getTestClass(), AutoConfigureScaleEmulator.class);
        if (settings == null) {
            return;
        }
        ScaleEmulatorContextCustomizerFactory.requireTestKit();
        RunningEmulator emulator = RunningEmulator.shared();
        if (settings.reset()) {
            emulator.reset();
        }
        emulator.workforce(settings.workforce(), Duration.ofMillis(Math.max(1, settings.workforceDelayMillis())));
    }
}
