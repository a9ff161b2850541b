package dev.scaletoolkit.emulator.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI's scripts, styles and icon, served from the jar; only the files listed here exist. Pages link them by
 * {@link #url}, which carries a digest of the file's bytes: such a request is cached by the browser for a year
 * (the next build's file has another address), so moving from task to task downloads no script again.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "image.js", "text/javascript; charset=utf-8",
            "segment.js", "text/javascript; charset=utf-8",
            "ner.js", "text/javascript; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private static final String FOREVER = "public, max-age=31536000, immutable";

    private record File(byte[] bytes, String version) {}

    private static final Map<String, File> FILES = new ConcurrentHashMap<>();

    /** The address pages use for {@code name}: {@code /static/name?v=<digest of its bytes>}. */
    static String url(String name) {
        return "/static/" + name + "?v=" + file(name).version();
    }

    void serve(Exchange ex, String name) throws IOException {
        if (!TYPES.containsKey(name)) {
            throw WebError.notFound("No such file.");
        }
        File file = file(name);
        // Only the current version's address may be kept; any other is revalidated every time.
        boolean versioned = ex.param("v").filter(file.version()::equals).isPresent();
        ex.bytes(TYPES.get(name), file.bytes(), versioned ? FOREVER : "no-cache");
    }

    private static File file(String name) {
        return FILES.computeIfAbsent(name, StaticFiles::load);
    }

    private static File load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/scale/emulator/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing UI resource " + name);
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new File(bytes, HexFormat.of().formatHex(digest, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
