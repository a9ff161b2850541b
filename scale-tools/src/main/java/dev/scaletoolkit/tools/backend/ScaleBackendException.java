package dev.scaletoolkit.tools.backend;

/**
 * Scale answered with an error, or could not be reached. {@code status} is 0 when no HTTP answer arrived.
 * The message is Scale's {@code error} text (or a short transport description) and never holds the API key.
 */
public final class ScaleBackendException extends RuntimeException {
    private final int status;
    private final Long retryAfterSeconds;
    private final transient dev.scaletoolkit.client.error.ScaleApiException api;

    public ScaleBackendException(int status, String message, Long retryAfterSeconds) {
        this(status, message, retryAfterSeconds, null);
    }

    /** From the SDK's exception, which tools turn into their error with {@code ToolError.fromApi}. */
    public ScaleBackendException(
            int status, String message, Long retryAfterSeconds, dev.scaletoolkit.client.error.ScaleApiException api) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.api = api;
    }

    /** The SDK's exception for Scale's answer, when there was one. */
    public java.util.Optional<dev.scaletoolkit.client.error.ScaleApiException> api() {
        return java.util.Optional.ofNullable(api);
    }

    /** The HTTP status, or 0 for a network failure. */
    public int status() {
        return status;
    }

    /** Seconds from a {@code Retry-After} header, or {@code null}. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
