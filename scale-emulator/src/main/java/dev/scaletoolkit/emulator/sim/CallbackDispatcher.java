package dev.scaletoolkit.emulator.sim;

import dev.scaletoolkit.emulator.EmulatorContext;

/** Background worker (to be written). */
public final class CallbackDispatcher implements AutoCloseable {
    private CallbackDispatcher() {}

    public static CallbackDispatcher start(EmulatorContext context) {
        return new CallbackDispatcher();
    }

    @Override
    public void close() {}
}
