package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ScaleResponse;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Internal: what a service carries — the caller, the options every call starts from, and an optional observer
 * of each final response (for raw-response views). Immutable; every change gives a copy.
 *
 * @param api the shared caller (connection pool, retries)
 * @param defaults the service's options; per-call options are merged on top
 * @param observer receives each final response, or null
 */
public record ServiceContext(ApiCaller api, RequestOptions defaults, Consumer<ScaleResponse> observer) {
    /**
     * Checks the caller and reads null options as none.
     *
     * @param api the shared caller
     * @param defaults the service's options, or null
     * @param observer receives each final response, or null
     */
    public ServiceContext {
        Objects.requireNonNull(api, "api");
        defaults = defaults == null ? RequestOptions.none() : defaults;
    }

    /**
     * A context with {@code override} merged on top of the current options.
     *
     * @param override the settings that win
     * @return the new context
     */
    public ServiceContext with(RequestOptions override) {
        return new ServiceContext(api, defaults.mergedWith(override), observer);
    }

    /**
     * A context whose calls report their final response to an observer.
     *
     * @param newObserver the observer
     * @return the new context
     */
    public ServiceContext observing(Consumer<ScaleResponse> newObserver) {
        return new ServiceContext(api, defaults, newObserver);
    }

    /**
     * Starts a call with the service's options.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, already encoded
     * @return the call, ready for a body and options
     */
    public ApiCaller.Call call(String method, String path) {
        return call(method, path, RequestOptions.none());
    }

    /**
     * Starts a call with the service's options merged with per-call ones.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, already encoded
     * @param perCall the options that win for this call
     * @return the call
     */
    public ApiCaller.Call call(String method, String path, RequestOptions perCall) {
        return api.call(method, path).options(defaults.mergedWith(perCall)).observe(observer);
    }
}
