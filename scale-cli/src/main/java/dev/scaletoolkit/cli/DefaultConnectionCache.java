package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.model.ScaleJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which connection is the default (its name and base URL, never its key), remembered in
 * {@code $SCALE_HOME/default-connection.json} beside the gateway's SQLite file, so a short command can pick its
 * target without opening that database (the JDBC driver, its native library and the pool are most of such a
 * command's start).
 *
 * <p>The file is trusted only while the database is unchanged: it records the size and modification time of
 * {@code gateway.db} and its write-ahead log, taken <em>before</em> the database was read, and any write since
 * (by any process, through any code path) changes them, so the next command reads the database again and
 * remembers afresh. A gateway on PostgreSQL is never cached: another machine may change it.
 */
final class DefaultConnectionCache {
    static final String FILE_NAME = "default-connection.json";
    /** How long the database must have been left alone before its stamp is trusted. */
    static final long SETTLED_MILLIS = 1000;

    /** What the database said: the default's name and base URL, or no default at all ({@code name} null). */
    record Remembered(String name, String baseUrl) {}

    private final Path home;

    DefaultConnectionCache(Path home) {
        this.home = home;
    }

    /**
     * The size and modification time of the database files; empty (never matches) when they cannot be read or
     * were modified less than {@link #SETTLED_MILLIS} ago: a later write within the same tick of the file system's
     * clock could then leave the stamp as it was.
     */
    String stamp() {
        long now = System.currentTimeMillis();
        StringBuilder s = new StringBuilder();
        for (String name : new String[] {Gateway.DB_FILE, Gateway.DB_FILE + "-wal"}) {
            try {
                BasicFileAttributes a = Files.readAttributes(home.resolve(name), BasicFileAttributes.class);
                if (now - a.lastModifiedTime().toMillis() < SETTLED_MILLIS) {
                    return "";
                }
                s.append(name)
                        .append(':')
                        .append(a.size())
                        .append(':')
                        .append(a.lastModifiedTime().toInstant())
                        .append(';');
            } catch (NoSuchFileException e) {
                s.append(name).append(":-;");
            } catch (IOException e) {
                return ""; // cannot tell: never matches
            }
        }
        return s.toString();
    }

    /** The remembered default, when the file exists and the database has not changed since. */
    Optional<Remembered> read() {
        Path file = home.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = ScaleJson.mapper().readTree(Files.readString(file));
            String stamp = stamp();
            if (stamp.isEmpty() || !stamp.equals(n.path("stamp").asString(""))) {
                return Optional.empty();
            }
            return Optional.of(new Remembered(
                    n.path("name").isString() ? n.path("name").asString() : null,
                    n.path("base_url").isString() ? n.path("base_url").asString() : null));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Remembers what a read of the database found; {@code stampBefore} is {@link #stamp()} taken before that
     * read. Best effort: a file that cannot be written only means the next command reads the database again.
     */
    void write(String stampBefore, Remembered found) {
        if (stampBefore.isEmpty()) {
            return;
        }
        ObjectNode n = ScaleJson.mapper().createObjectNode();
        n.put("name", found.name());
        n.put("base_url", found.baseUrl());
        n.put("stamp", stampBefore);
        try {
            Path tmp = Files.createTempFile(home, ".default-connection", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, n.toString() + "\n");
            Files.move(tmp, home.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort, see above
        }
    }
}
