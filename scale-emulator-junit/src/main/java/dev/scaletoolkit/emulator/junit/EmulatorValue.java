package dev.scaletoolkit.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} field or parameter to receive one of the emulator's values.
 *
 * <pre>{@code
 * @EmulatorValue(EmulatorValue.Kind.API_URL) String apiUrl;     // http://127.0.0.1:PORT/v1
 * @EmulatorValue(EmulatorValue.Kind.LIVE_KEY) String key;
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmulatorValue {
    /**
     * Which value.
     *
     * @return the kind of value to inject
     */
    Kind value();

    /** The values that can be injected. */
    enum Kind {
        /** {@code http://127.0.0.1:PORT}, the root (control plane under {@code /_emulator}). */
        BASE_URL,
        /** {@code http://127.0.0.1:PORT/v1}, what a Scale client takes as its base URL. */
        API_URL,
        /** The account's live key: tasks are labeled by the simulated workforce. */
        LIVE_KEY,
        /** The account's test key: Scale's test mode. */
        TEST_KEY,
        /** The value the emulator sends as {@code scale-callback-auth} on callbacks. */
        CALLBACK_AUTH_KEY
    }
}
