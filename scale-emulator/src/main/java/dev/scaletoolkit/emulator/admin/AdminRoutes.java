package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.api.Routes;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.model.ScaleJson;

/** The control plane under {@code /_emulator}: health, reset, seed, task completion and fault injection. */
public final class AdminRoutes implements Routes {
    private final EmulatorContext context;
    private final ScaleEmulator emulator;

    public AdminRoutes(EmulatorContext context, ScaleEmulator emulator) {
        this.context = context;
        this.emulator = emulator;
    }

    @Override
    public void register(Router router) {
        router.addPublic(
                "GET",
                "/health",
                req -> ScaleJson.mapper()
                        .createObjectNode()
                        .put("status", "ok")
                        .put("version", dev.scaletoolkit.emulator.http.ApiServlet.VERSION));
    }
}
