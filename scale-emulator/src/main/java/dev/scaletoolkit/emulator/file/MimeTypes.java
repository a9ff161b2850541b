package dev.scaletoolkit.emulator.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Chooses a file's {@code mime_type}: the declared type when it says something, else the name, else the bytes. */
public final class MimeTypes {
    public static final String UNKNOWN = "application/octet-stream";

    // Types the JDK's table lacks or gets wrong for the media Scale labels.
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("json", "application/json"),
            Map.entry("csv", "text/csv"),
            Map.entry("txt", "text/plain"),
            Map.entry("html", "text/html"),
            Map.entry("zip", "application/zip"),
            Map.entry("pcd", "application/octet-stream"),
            Map.entry("ply", "application/octet-stream"));

    private MimeTypes() {}

    /**
     * The type to record. {@code declared} (a part's or response's Content-Type) wins unless it is missing or the
     * generic octet-stream; parameters such as {@code charset} are dropped.
     */
    public static String choose(String declared, String name, Path bytes) {
        String type = bare(declared);
        if (type != null && !type.equals(UNKNOWN)) {
            return type;
        }
        String byName = fromName(name);
        if (byName != null) {
            return byName;
        }
        String byContent = fromContent(bytes);
        return byContent != null ? byContent : UNKNOWN;
    }

    /** A guess from a file name or URL path, or null. */
    public static String fromName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        String last = slash >= 0 ? name.substring(slash + 1) : name;
        int dot = last.lastIndexOf('.');
        if (dot >= 0) {
            String known = BY_EXTENSION.get(last.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (known != null) {
                return known;
            }
        }
        return URLConnection.guessContentTypeFromName(last);
    }

    private static String fromContent(Path bytes) {
        if (bytes == null) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bytes))) {
            return URLConnection.guessContentTypeFromStream(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static String bare(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() || !type.contains("/") ? null : type;
    }
}
