package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.Router;

/** Routes for qualitys under {@code /v1}. */
public final class QualityRoutes implements Routes {
    private final EmulatorContext context;

    public QualityRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        // filled in with the quality routes
    }
}
