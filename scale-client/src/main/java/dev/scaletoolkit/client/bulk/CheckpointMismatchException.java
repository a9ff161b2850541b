package dev.scaletoolkit.client.bulk;

import dev.scaletoolkit.client.error.ScaleException;

/**
 * The checkpoint file was written for another input: it records unique_ids this input does not contain, or a
 * different input fingerprint. Resuming from it would claim work that was never done, so nothing is sent. Use a
 * new checkpoint file for a new input.
 */
public final class CheckpointMismatchException extends ScaleException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which file, and what does not match
     */
    public CheckpointMismatchException(String message) {
        super(message);
    }
}
