package dev.scaletoolkit.client.error;

/** Scale answered 200 but the body could not be read as the expected type. */
public class ScaleDecodeException extends ScaleException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read, with the start of the body
     * @param cause the parse error, or null
     */
    public ScaleDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
