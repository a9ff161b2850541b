package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for teams under {@code /v1}. */
public final class TeamRoutes implements Routes {
    private final EmulatorContext context;

    public TeamRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the team routes
    }
}
