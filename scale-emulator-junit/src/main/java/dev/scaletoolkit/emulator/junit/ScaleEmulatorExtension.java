package dev.scaletoolkit.emulator.junit;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Gives a test class a Scale emulator. Use it through {@link ScaleEmulatorTest}, or register it with settings of
 * your own:
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
 * <p>It fills in fields and parameters of type {@link RunningEmulator}, {@link ScaleClient} (live key),
 * {@link EmulatorControl} and {@link TestClock}, and {@code String}s marked {@link EmulatorValue}. The emulator runs in a child JVM (see
 * {@link RunningEmulator}); with the default {@link Scope#CLASS} one child serves the whole test run and is emptied
 * before each class.
 *
 * <p>Built against JUnit Jupiter 5.10's API and nothing of the platform's internals, so it runs on Jupiter 5.10
 * and later, 6.x included.
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

    /**
     * Settings for {@code @RegisterExtension}.
     *
     * @return a builder with the defaults (class scope, workforce on, 200 ms per task)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The emulator of the running test class.
     *
     * @return the emulator
     * @throws IllegalStateException before the class's first test or {@code @BeforeAll} method runs
     */
    public RunningEmulator emulator() {
        RunningEmulator e = current;
        if (e == null) {
            throw new IllegalStateException("the emulator is ready before the first test of the class; ask for it"
                    + " from a test, a @BeforeEach or a @BeforeAll method");
        }
        return e;
    }

    /**
     * Shortcut for {@code emulator().client()}.
     *
     * @return a client on the live key
     */
    public ScaleClient client() {
        return emulator().client();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        RunningEmulator e = prepare(context);
        injectFields(context.getRequiredTestClass(), null, e, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        prepare(context); // for extensions registered on an instance field, which see no beforeAll
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        injectFields(instance.getClass(), instance, prepare(context), false);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return injectable(type) || (type == String.class && parameter.isAnnotated(EmulatorValue.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningEmulator e = prepare(context);
        Optional<EmulatorValue> value = parameter.findAnnotation(EmulatorValue.class);
        return value.isPresent()
                ? value(e, value.get().value())
                : valueFor(parameter.getParameter().getType(), e);
    }

    /** Once per top-level class (its {@code @Nested} classes share it): the emulator, emptied and set up. */
    private RunningEmulator prepare(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext.Store store = topLevelClass(context).getStore(NAMESPACE);
        ClassEmulator holder = store.getOrComputeIfAbsent(settings, ClassEmulator::new, ClassEmulator.class);
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
                return new Settings(a.scope(), a.workforce(), a.workforceDelayMillis(), clockStart(a.clockStart()));
            }
        }
        return Settings.DEFAULTS;
    }

    private static Instant clockStart(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException(
                    "clockStart must be an ISO-8601 instant such as 2026-01-05T09:00:00Z, got \"" + text + "\"", e);
        }
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
        return type == RunningEmulator.class
                || type == ScaleClient.class
                || type == EmulatorControl.class
                || type == TestClock.class;
    }

    private static Object valueFor(Class<?> type, RunningEmulator e) {
        if (type == ScaleClient.class) {
            return e.client();
        }
        if (type == EmulatorControl.class) {
            return e.control();
        }
        if (type == TestClock.class) {
            return e.clock();
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

    /** What a class asks for; {@code clockStart} is null for the system clock. */
    record Settings(Scope scope, boolean workforce, long workforceDelayMillis, Instant clockStart) {
        static final Settings DEFAULTS = new Settings(Scope.CLASS, true, 200, null);

        Settings {
            if (scope == null) {
                throw new ExtensionConfigurationException("scope must not be null");
            }
            if (clockStart != null && scope == Scope.JVM) {
                throw new ExtensionConfigurationException("clockStart gives the class an emulator of its own, so it"
                        + " cannot keep the JVM's data (scope JVM): use scope CLASS or ISOLATED");
            }
            if (workforceDelayMillis < 0) {
                throw new ExtensionConfigurationException(
                        "workforceDelayMillis must be 0 or more, got " + workforceDelayMillis);
            }
        }
    }

    /**
     * A class's emulator, set up when the class starts. JUnit closes it with the class's context: that stops an
     * {@link Scope#ISOLATED} emulator and does nothing to the shared one. Both close interfaces are implemented
     * because Jupiter before 5.13 calls only {@code CloseableResource}; {@code close} runs at most once.
     */
    @SuppressWarnings("deprecation")
    static final class ClassEmulator implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final RunningEmulator emulator;

        ClassEmulator(Settings settings) {
            if (settings.clockStart() != null) {
                // The shared emulator's clock has already run; a clock that starts at a given instant needs a new one.
                emulator = RunningEmulator.start(settings.clockStart());
            } else if (settings.scope() == Scope.ISOLATED) {
                emulator = RunningEmulator.start();
            } else {
                emulator = RunningEmulator.shared();
                if (settings.scope() == Scope.CLASS) {
                    emulator.reset();
                }
            }
            // Always: the emulator may still hold another class's settings.
            emulator.workforce(settings.workforce(), Duration.ofMillis(Math.max(1, settings.workforceDelayMillis())));
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
        private Instant clockStart;

        private Builder() {}

        /**
         * What the class shares with other classes.
         *
         * @param scope {@link Scope#CLASS} (the default), {@link Scope#JVM} or {@link Scope#ISOLATED}
         * @return this builder
         */
        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Whether the simulated workforce completes live tasks (default true); off, tasks stay pending.
         *
         * @param enabled on or off
         * @return this builder
         */
        public Builder workforce(boolean enabled) {
            this.workforce = enabled;
            return this;
        }

        /**
         * How long the workforce takes per task (default 200 ms).
         *
         * @param delay the delay
         * @return this builder
         */
        public Builder workforceDelay(Duration delay) {
            this.workforceDelayMillis = delay.toMillis();
            return this;
        }

        /**
         * Stops the emulator's clock at {@code start} until the test advances it (see
         * {@link ScaleEmulatorTest#clockStart()}); the class gets an emulator of its own.
         *
         * @param start the emulator's time until the first {@link TestClock#advance}
         * @return this builder
         */
        public Builder clockStart(Instant start) {
            this.clockStart = start;
            return this;
        }

        /**
         * The extension, for a {@code static} field marked {@code @RegisterExtension}.
         *
         * @return the extension
         */
        public ScaleEmulatorExtension build() {
            return new ScaleEmulatorExtension(new Settings(scope, workforce, workforceDelayMillis, clockStart));
        }
    }
}
