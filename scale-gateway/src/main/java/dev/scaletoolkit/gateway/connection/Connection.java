package dev.scaletoolkit.gateway.connection;

import java.util.Optional;

/**
 * A connection with its secrets opened, for the code that calls Scale with it. {@link #toString} leaves the
 * secrets out, so logging one by mistake leaks nothing.
 *
 * @param name the connection's name
 * @param baseUrl Scale's API base URL
 * @param mode test or live
 * @param apiKey the Scale API key
 * @param callbackSecret the {@code scale-callback-auth} value Scale sends with callbacks, or {@code null}
 */
public record Connection(String name, String baseUrl, Mode mode, String apiKey, String callbackSecret) {

    public boolean live() {
        return mode == Mode.LIVE;
    }

    public Optional<String> callbackSecretIfAny() {
        return Optional.ofNullable(callbackSecret);
    }

    @Override
    public String toString() {
        return "Connection[name=" + name + ", baseUrl=" + baseUrl + ", mode=" + mode.wireName() + "]";
    }
}
