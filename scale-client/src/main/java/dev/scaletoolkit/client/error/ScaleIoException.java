package dev.scaletoolkit.client.error;

import java.io.IOException;

/** The request could not be sent or its answer not read (connection refused, reset, timeout). */
public class ScaleIoException extends ScaleException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what call failed and how
     * @param cause the I/O error
     */
    public ScaleIoException(String message, IOException cause) {
        super(message, cause);
    }

    /** I/O failures are transient as far as the client can tell, so they are worth another try. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
