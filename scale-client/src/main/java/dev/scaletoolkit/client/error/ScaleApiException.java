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

    /** The HTTP status Scale answered with. */
    private final int status;
    /** Scale's {@code error} text, or the raw body when it was not JSON. */
    private final String errorMessage;
    /** The response headers; not serialized. */
    private final transient Map<String, List<String>> headers;
    /** The raw response body, with the key cut out. */
    private final String body;

    /**
     * Creates the exception; {@link ErrorTable} does this for each answer.
     *
     * @param status the HTTP status
     * @param errorMessage Scale's {@code error} text
     * @param headers the response headers
     * @param body the raw response body, with the key cut out
     */
    public ScaleApiException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super("Scale API error " + status + ": " + errorMessage);
        this.status = status;
        this.errorMessage = errorMessage;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        this.body = body == null ? "" : body;
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Scale's {@code error} text, without the status prefix of {@link #getMessage()}.
     *
     * @return the text
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * Response headers, keys in lower case.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The raw response body.
     *
     * @return the body text
     */
    public String body() {
        return body;
    }

    /**
     * The request id header Scale (or a proxy) sent, if any.
     *
     * @return the {@code x-request-id} value
     */
    public Optional<String> requestId() {
        return header("x-request-id");
    }

    /**
     * The server's Retry-After, in seconds or as an HTTP date, if it sent one.
     *
     * @return how long the server asked to wait
     */
    public Optional<Duration> retryAfter() {
        return header("retry-after").flatMap(RetryAfter::parse);
    }

    /**
     * 408, 429 and every 5xx are transient.
     *
     * @return true for those statuses
     */
    @Override
    public boolean isRetryable() {
        return status == 408 || status == 429 || status >= 500;
    }

    private Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
