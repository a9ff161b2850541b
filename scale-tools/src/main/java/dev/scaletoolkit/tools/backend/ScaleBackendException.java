package dev.scaletoolkit.tools.backend;

/**
 * Scale answered with an error, or could not be reached. {@code status} is 0 when no HTTP answer arrived.
 * The message is Scale's {@code error} text (or a short transport description) and never holds the API key.
 */
public final class ScaleBackendException extends RuntimeException {
    private final int status;
    private final Long retryAfterSeconds;

    public ScaleBackendException(int status, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
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
