package dev.scaletoolkit.client.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scale answered with a status other than 200. The message is Scale's {@code error} text (or the raw body when it
 * is not JSON); {@link #status()}, {@link #headers()} and {@link #body()} give the rest. See {@link ErrorTable}
 * for which subclass each status becomes.
 */
public class ScaleApiException extends ScaleException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorMessage;
    private final transient Map<String, List<String>> headers;
    private final String body;

    public ScaleApiException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super("Scale API error " + status + ": " + errorMessage);
        this.status = status;
        this.errorMessage = errorMessage;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        this.body = body == null ? "" : body;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** Scale's {@code error} text, without the status prefix of {@link #getMessage()}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Response headers, keys in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The raw response body. */
    public String body() {
        return body;
    }

    /** The request id header Scale (or a proxy) sent, if any. */
    public Optional<String> requestId() {
        return header("x-request-id");
    }

    /** The server's Retry-After, in seconds or as an HTTP date, if it sent one. */
    public Optional<Duration> retryAfter() {
        return header("retry-after").flatMap(RetryAfter::parse);
    }

    /** 408, 429 and every 5xx are transient. */
    @Override
    public boolean isRetryable() {
        return status == 408 || status == 429 || status >= 500;
    }

    private Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
