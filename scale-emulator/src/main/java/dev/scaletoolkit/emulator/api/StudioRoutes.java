package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for studios under {@code /v1}. */
public final class StudioRoutes implements Routes {
    private final EmulatorContext context;

    public StudioRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the studio routes
    }
}
