package dev.scaletoolkit.emulator.junit;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts the Scale emulator for a test class (or once per JVM) and hands it to the tests. Use it through
 * {@link ScaleEmulatorTest}, or register it with settings of your own:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ScaleEmulatorExtension scale = ScaleEmulatorExtension.builder().workforce(false).build();
 *
 * @Test
 * void createsATask() {
 *     Task task = scale.emulator().client().tasks().create(...);
 * }
 * }</pre>
 *
 * <p>It fills in fields and parameters of type {@link RunningEmulator}, {@link ScaleClient} (live key) and
 * {@link EmulatorControl}, and {@code String}s marked {@link EmulatorValue}. The emulator of a class is stopped
 * and its data directory deleted after the class; a {@link Scope#JVM} one when the run ends.
 */
public final class ScaleEmulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ScaleEmulatorExtension.class);

    private final Settings configured;
    private volatile RunningEmulator current;

    /** For {@code @ExtendWith} and {@link ScaleEmulatorTest}: settings come from the annotation. */
    public ScaleEmulatorExtension() {
        this(null);
    }

    private ScaleEmulatorExtension(Settings configured) {
        this.configured = configured;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The emulator of the running test class; only once a test (or {@code @BeforeAll}) is running. */
    public RunningEmulator emulator() {
        RunningEmulator e = current;
        if (e == null) {
            throw new IllegalStateException("the emulator starts before the first test of the class; ask for it"
                    + " from a test, a @BeforeEach or a @BeforeAll method");
        }
        return e;
    }

    /** Shortcut for {@code emulator().client()}. */
    public ScaleClient client() {
        return emulator().client();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        RunningEmulator e = start(context);
        injectFields(context.getRequiredTestClass(), null, e, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context); // for extensions registered on an instance field, which see no beforeAll
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        injectFields(instance.getClass(), instance, start(context), false);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return injectable(type) || (type == String.class && parameter.isAnnotated(EmulatorValue.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningEmulator e = start(context);
        Optional<EmulatorValue> value = parameter.findAnnotation(EmulatorValue.class);
        return value.isPresent()
                ? value(e, value.get().value())
                : valueFor(parameter.getParameter().getType(), e);
    }

    private RunningEmulator start(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext owner = settings.scope() == Scope.JVM ? context.getRoot() : topLevelClass(context);
        Holder holder = owner.getStore(NAMESPACE).computeIfAbsent(settings, s -> new Holder(s.start()), Holder.class);
        current = holder.emulator;
        return holder.emulator;
    }

    /** The context of the outermost test class, so {@code @Nested} classes share their enclosing class's emulator. */
    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get() != c.getRoot()) {
            c = c.getParent().get();
        }
        return c;
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            ScaleEmulatorTest a = c.getAnnotation(ScaleEmulatorTest.class);
            if (a != null) {
                return new Settings(a.scope(), a.workforce(), a.workforceDelayMillis());
            }
        }
        return Settings.DEFAULTS;
    }

    private static void injectFields(Class<?> type, Object instance, RunningEmulator e, boolean statics)
            throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) != statics || Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                EmulatorValue value = f.getAnnotation(EmulatorValue.class);
                Object v;
                if (value != null && f.getType() == String.class) {
                    v = value(e, value.value());
                } else if (injectable(f.getType())) {
                    v = valueFor(f.getType(), e);
                } else {
                    continue;
                }
                f.setAccessible(true);
                f.set(statics ? null : instance, v);
            }
        }
    }

    private static boolean injectable(Class<?> type) {
        return type == RunningEmulator.class || type == ScaleClient.class || type == EmulatorControl.class;
    }

    private static Object valueFor(Class<?> type, RunningEmulator e) {
        if (type == ScaleClient.class) {
            return e.client();
        }
        if (type == EmulatorControl.class) {
            return e.control();
        }
        return e;
    }

    private static String value(RunningEmulator e, EmulatorValue.Kind kind) {
        return switch (kind) {
            case BASE_URL -> e.baseUrl();
            case API_URL -> e.apiUrl();
            case LIVE_KEY -> e.liveKey();
            case TEST_KEY -> e.testKey();
            case CALLBACK_AUTH_KEY -> e.callbackAuthKey();
        };
    }

    /** What one emulator is started with; equal settings share a JVM-scoped emulator. */
    record Settings(Scope scope, boolean workforce, long workforceDelayMillis) {
        static final Settings DEFAULTS = new Settings(Scope.CLASS, true, 200);

        Settings {
            if (workforceDelayMillis < 0) {
                throw new ExtensionConfigurationException(
                        "workforceDelayMillis must be 0 or more, got " + workforceDelayMillis);
            }
        }

        RunningEmulator start() {
            return new RunningEmulator(TestEmulator.start(b -> b.workforceEnabled(workforce)
                    .workforceDelay(Duration.ofMillis(Math.max(1, workforceDelayMillis)))));
        }
    }

    /** Closed by JUnit with the context that holds it: the class, or the whole run. */
    private static final class Holder implements AutoCloseable {
        final RunningEmulator emulator;

        Holder(RunningEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }

    /** Settings for {@code @RegisterExtension}. */
    public static final class Builder {
        private Scope scope = Scope.CLASS;
        private boolean workforce = true;
        private long workforceDelayMillis = 200;

        private Builder() {}

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        /** Whether the simulated workforce completes live tasks (default true); off, tasks stay pending. */
        public Builder workforce(boolean enabled) {
            this.workforce = enabled;
            return this;
        }

        public Builder workforceDelay(Duration delay) {
            this.workforceDelayMillis = delay.toMillis();
            return this;
        }

        public ScaleEmulatorExtension build() {
            return new ScaleEmulatorExtension(new Settings(scope, workforce, workforceDelayMillis));
        }
    }
}
