package dev.scaletoolkit.emulator.http;

/** A set of routes (a resource under {@code /v1}, the control plane, the UI's helpers); one implementation per resource. */
public interface Routes {
    void register(Router router);
}
