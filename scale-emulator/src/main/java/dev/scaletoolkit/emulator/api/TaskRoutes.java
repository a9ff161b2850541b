package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for tasks under {@code /v1}. */
public final class TaskRoutes implements Routes {
    private final EmulatorContext context;

    public TaskRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the task routes
    }
}
