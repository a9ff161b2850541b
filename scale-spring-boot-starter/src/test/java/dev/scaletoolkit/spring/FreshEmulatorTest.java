package dev.scaletoolkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.spring.sample.StarterApp;
import dev.scaletoolkit.spring.test.AutoConfigureScaleEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Whatever other classes left in the emulator (StarterTest creates projects), a class marked
 * {@code @AutoConfigureScaleEmulator} starts on an empty one, and its properties name the emulator.
 */
@SpringBootTest(classes = StarterApp.class)
@AutoConfigureScaleEmulator
class FreshEmulatorTest {
    @Autowired
    ScaleClient scale;

    @Autowired
    RunningEmulator emulator;

    @Value("${scale.base-url}")
    String baseUrl;

    @Test
    void startsEmptyAndPointsTheClientAtTheEmulator() {
        assertThat(baseUrl).isEqualTo(emulator.apiUrl()).startsWith("http://127.0.0.1:");
        assertThat(scale.projects().list()).isEmpty();
    }
}
