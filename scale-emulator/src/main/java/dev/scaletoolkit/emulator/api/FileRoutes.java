package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for files under {@code /v1}. */
public final class FileRoutes implements Routes {
    private final EmulatorContext context;

    public FileRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the file routes
    }
}
