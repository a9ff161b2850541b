package dev.scaletoolkit.emulator.sim;

import dev.scaletoolkit.emulator.EmulatorContext;

/** Sends due callbacks from the outbox and retries failures on the configured schedule (to be written). */
public final class CallbackDispatcher implements AutoCloseable {
    private CallbackDispatcher() {}

    public static CallbackDispatcher start(EmulatorContext context) {
        return new CallbackDispatcher();
    }

    /** Wakes the dispatcher so a callback queued just now goes out without waiting for the next poll. */
    public void wake() {}

    @Override
    public void close() {}
}
