package dev.scaletoolkit.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A successful answer with its HTTP details: the status, the headers (names in lower case), Scale's request id
 * and the parsed value. Obtained through {@code withRawResponse()} on any service:
 *
 * <pre>{@code
 * RawResponse<Task> raw = scale.tasks().withRawResponse().call(tasks -> tasks.retrieve(id));
 * raw.requestId().ifPresent(log::info);
 * }</pre>
 *
 * @param status the HTTP status of the final attempt
 * @param headers the response headers, names in lower case
 * @param value what the service method returned
 * @param <T> the parsed value's type
 */
public record RawResponse<T>(int status, Map<String, List<String>> headers, T value) {
    /**
     * Copies the headers so the record stays immutable.
     *
     * @param status the HTTP status of the final attempt
     * @param headers the response headers
     * @param value what the service method returned
     */
    public RawResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The request id Scale (or a proxy in front of it) sent, for support tickets.
     *
     * @return the {@code x-request-id} header, if present
     */
    public Optional<String> requestId() {
        return header("x-request-id");
    }
}
