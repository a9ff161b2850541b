package dev.scaletoolkit.spring.test;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Gives the contexts of tests marked {@link AutoConfigureScaleEmulator} the emulator's URL and keys as the
 * highest-priority {@code scale.*} properties, and the emulator as a bean. Registered in
 * {@code META-INF/spring.factories}; Spring's test framework finds it.
 */
public final class ScaleEmulatorContextCustomizerFactory implements ContextCustomizerFactory {
    /** Created by Spring's test framework. */
    public ScaleEmulatorContextCustomizerFactory() {}

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureScaleEmulator.class) == null) {
            return null;
        }
        requireTestKit();
        return new EmulatorCustomizer();
    }

    static void requireTestKit() {
        if (!ClassUtils.isPresent(
                "dev.scaletoolkit.emulator.junit.RunningEmulator",
                ScaleEmulatorContextCustomizerFactory.class.getClassLoader())) {
            throw new IllegalStateException("@AutoConfigureScaleEmulator needs the test kit: add"
                    + " dev.scaletoolkit:scale-emulator-junit with <scope>test</scope>");
        }
    }

    /** All equal: every such context points at the one emulator of the JVM, so Spring may share them. */
    private static final class EmulatorCustomizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            RunningEmulator emulator = RunningEmulator.shared();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "scaleEmulator",
                            Map.of(
                                    "scale.base-url", emulator.apiUrl(),
                                    "scale.api-key", emulator.liveKey(),
                                    "scale.callback.auth-key", emulator.callbackAuthKey())));
            context.getBeanFactory().registerSingleton("scaleEmulator", emulator);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EmulatorCustomizer;
        }

        @Override
        public int hashCode() {
            return EmulatorCustomizer.class.hashCode();
        }
    }
}
