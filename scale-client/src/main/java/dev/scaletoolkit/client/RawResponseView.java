package dev.scaletoolkit.client;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.http.ScaleResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A service seen through its raw responses: {@link #call} runs one operation and returns its value together with
 * the status, headers and request id of the HTTP answer it came from. When the operation makes several requests
 * (auto-paging, waiting), the last one is reported.
 *
 * @param <S> the service type
 */
public final class RawResponseView<S> {
    private final Function<Consumer<ScaleResponse>, S> observed;

    /**
     * Internal: services create views through {@code withRawResponse()}.
     *
     * @param observed makes a copy of the service that reports each final response to the given observer
     */
    public RawResponseView(Function<Consumer<ScaleResponse>, S> observed) {
        this.observed = observed;
    }

    /**
     * Runs {@code operation} on the service and returns its value with the HTTP answer.
     *
     * @param operation one service call, e.g. {@code tasks -> tasks.retrieve(id)}
     * @param <T> the value's type
     * @return the value with status, headers and request id
     * @throws ScaleException as the operation would
     */
    public <T> RawResponse<T> call(Function<S, T> operation) {
        AtomicReference<ScaleResponse> last = new AtomicReference<>();
        S service = observed.apply(last::set);
        T value = operation.apply(service);
        ScaleResponse response = last.get();
        if (response == null) {
            throw new IllegalStateException("the operation made no HTTP request through this service");
        }
        return new RawResponse<>(response.status(), response.headers(), value);
    }
}
