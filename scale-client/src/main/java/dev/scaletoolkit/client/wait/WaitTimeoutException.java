package dev.scaletoolkit.client.wait;

import dev.scaletoolkit.client.error.ScaleException;

/**
 * A {@code waitFor} ended before the task or batch reached the state it waited for. {@link #lastValue()} is the
 * last state seen, so the caller can report how far it got.
 */
public final class WaitTimeoutException extends ScaleException {
    private static final long serialVersionUID = 1L;
    private final transient Object lastValue;

    /**
     * Creates the exception.
     *
     * @param message what was awaited and for how long
     * @param lastValue the last value fetched before giving up
     */
    public WaitTimeoutException(String message, Object lastValue) {
        super(message);
        this.lastValue = lastValue;
    }

    /**
     * The last value fetched before giving up.
     *
     * @return a {@code Task} or {@code Batch}, depending on what was awaited
     */
    public Object lastValue() {
        return lastValue;
    }
}
