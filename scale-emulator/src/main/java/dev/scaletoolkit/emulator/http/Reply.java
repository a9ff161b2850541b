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

    /**
     * An answer written as it is produced (a listing streamed from the database), never held whole in memory.
     * Anything the writer throws after the first bytes went out can only cut the connection, so it should check
     * what it can before returning this.
     */
    record Stream(String contentType, Writer writer) implements Reply {}

    /** Writes a streamed answer. */
    @FunctionalInterface
    interface Writer {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    /** A 302 to another address. */
    record Redirect(String location) implements Reply {}

    static Reply text(String body) {
        return new Text(body);
    }
}
