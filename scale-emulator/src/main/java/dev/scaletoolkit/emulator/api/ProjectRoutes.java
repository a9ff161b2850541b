package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for projects under {@code /v1}. */
public final class ProjectRoutes implements Routes {
    private final EmulatorContext context;

    public ProjectRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the project routes
    }
}
