package dev.scaletoolkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.spring.boot.ScaleAutoConfiguration;
import dev.scaletoolkit.spring.boot.ScaleHealthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator against a real emulator: down on a wrong key or no server, up on the right key, no key shown. */
class HealthIndicatorTest {
    private final RunningEmulator emulator = RunningEmulator.shared();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScaleAutoConfiguration.class, ScaleHealthAutoConfiguration.class))
            .withPropertyValues("scale.base-url=" + emulator.apiUrl());

    @Test
    void downWithAWrongKeyUpWithTheRightOneAndTheKeyNeverShown() {
        String wrongKey = "live_0000000000000000000000000000dead";
        runner.withPropertyValues("scale.api-key=" + wrongKey).run(context -> {
            Health health = context.getBean("scaleHealthIndicator", HealthIndicator.class)
                    .health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", 401);
            assertThat(health.toString()).doesNotContain(wrongKey);
        });
        runner.withPropertyValues("scale.api-key=" + emulator.liveKey()).run(context -> {
            Health health = context.getBean("scaleHealthIndicator", HealthIndicator.class)
                    .health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.toString()).doesNotContain(emulator.liveKey());
        });
    }

    @Test
    void downWhenScaleIsUnreachable() {
        runner.withPropertyValues("scale.api-key=" + emulator.liveKey(), "scale.base-url=http://127.0.0.1:1/v1")
                .run(context -> {
                    Health health = context.getBean("scaleHealthIndicator", HealthIndicator.class)
                            .health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("error").toString()).startsWith("Scale is unreachable");
                });
    }

    @Test
    void noClientAndNoIndicatorWithoutAKey() {
        runner.run(context -> assertThat(context).doesNotHaveBean("scaleHealthIndicator"));
    }
}
