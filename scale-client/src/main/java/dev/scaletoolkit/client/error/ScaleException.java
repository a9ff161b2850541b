package dev.scaletoolkit.client.error;

/** The root of every error the SDK throws. Unchecked: callers catch what they can handle. */
public class ScaleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ScaleException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying error
     */
    public ScaleException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether repeating the same call may succeed (a transient network or server condition).
     *
     * @return true when a retry may help
     */
    public boolean isRetryable() {
        return false;
    }
}
