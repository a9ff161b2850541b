package dev.scaletoolkit.emulator.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The UI's scripts, styles and icon, served from the jar; only the files listed here exist. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "image.js", "text/javascript; charset=utf-8",
            "segment.js", "text/javascript; charset=utf-8",
            "ner.js", "text/javascript; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    void serve(Exchange ex, String name) throws IOException {
        String type = TYPES.get(name);
        if (type == null) {
            throw WebError.notFound("No such file.");
        }
        ex.bytes(type, cache.computeIfAbsent(name, StaticFiles::load), "no-cache");
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/scale/emulator/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing UI resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
