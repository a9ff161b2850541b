package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for batchs under {@code /v1}. */
public final class BatchRoutes implements Routes {
    private final EmulatorContext context;

    public BatchRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the batch routes
    }
}
