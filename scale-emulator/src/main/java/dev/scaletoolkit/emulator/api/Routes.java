package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.http.Router;

/** A resource's routes under {@code /v1}; one implementation per resource. */
public interface Routes {
    void register(Router router);
}
