package dev.scaletoolkit.emulator.sim;

import dev.scaletoolkit.emulator.EmulatorContext;

/** Background worker (to be written). */
public final class FileFetcher implements AutoCloseable {
    private FileFetcher() {}

    public static FileFetcher start(EmulatorContext context) {
        return new FileFetcher();
    }

    @Override
    public void close() {}
}
