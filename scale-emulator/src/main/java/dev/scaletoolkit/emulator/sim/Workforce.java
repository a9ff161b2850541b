package dev.scaletoolkit.emulator.sim;

import dev.scaletoolkit.emulator.EmulatorContext;

/** Background worker (to be written). */
public final class Workforce implements AutoCloseable {
    private Workforce() {}

    public static Workforce start(EmulatorContext context) {
        return new Workforce();
    }

    @Override
    public void close() {}
}
