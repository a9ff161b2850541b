package dev.scaletoolkit.emulator.http;

import java.nio.file.Path;

/** A non-JSON success answer. Every success is still HTTP 200, except a redirect. */
public sealed interface Reply {
    /** Plain text, for the routes where Scale answers {@code OK} rather than JSON. */
    record Text(String body) implements Reply {}

    /** The bytes of a stored file. */
    record FileBody(String contentType, Path path) implements Reply {}

    /** Raw bytes with a content type. */
    record Bytes(String contentType, byte[] body) implements Reply {}

    /** A 302 to another address. */
    record Redirect(String location) implements Reply {}

    static Reply text(String body) {
        return new Text(body);
    }
}
