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
    public ServiceContext {
        Objects.requireNonNull(api, "api");
        defaults = defaults == null ? RequestOptions.none() : defaults;
    }

    /** A context with {@code override} merged on top of the current options. */
    public ServiceContext with(RequestOptions override) {
        return new ServiceContext(api, defaults.mergedWith(override), observer);
    }

    /** A context whose calls report their final response to {@code observer}. */
    public ServiceContext observing(Consumer<ScaleResponse> newObserver) {
        return new ServiceContext(api, defaults, newObserver);
    }

    /** Starts a call with the service's options. */
    public ApiCaller.Call call(String method, String path) {
        return call(method, path, RequestOptions.none());
    }

    /** Starts a call with the service's options merged with {@code perCall}. */
    public ApiCaller.Call call(String method, String path, RequestOptions perCall) {
        return api.call(method, path).options(defaults.mergedWith(perCall)).observe(observer);
    }
}
