package dev.scaletoolkit.client.error;

/** Scale answered 200 but the body could not be read as the expected type. */
public class ScaleDecodeException extends ScaleException {
    private static final long serialVersionUID = 1L;

    public ScaleDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
