package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.ConnectionsMarker;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.nio.file.Files;
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
 * <p>The file is trusted only while the connections are unchanged: it records the token of the gateway's
 * {@link ConnectionsMarker} (renewed by every change to the connections or the default, by any process) and the
 * identity of {@code gateway.db} (a deleted and re-made gateway is a new file), both taken <em>before</em> the
 * database was read. Other writes to that database (the trigger poller's cursors, audit, budgets) leave both alone,
 * so they do not send the next command back to the database. A gateway on PostgreSQL is never cached: another
 * machine may change it.
 */
final class DefaultConnectionCache {
    static final String FILE_NAME = "default-connection.json";

    /** What the database said: the default's name and base URL, or no default at all ({@code name} null). */
    record Remembered(String name, String baseUrl) {}

    private final Path home;

    DefaultConnectionCache(Path home) {
        this.home = home;
    }

    /**
     * The marker's token and the database file's identity; empty (never matches) when either cannot be read. Makes
     * the marker when there is none, so call it before reading the database.
     */
    String stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(home.resolve(Gateway.DB_FILE), BasicFileAttributes.class);
            Object identity = a.fileKey() != null ? a.fileKey() : a.creationTime();
            return ConnectionsMarker.in(home)
                    .token()
                    .map(token -> token + ";" + Gateway.DB_FILE + ":" + identity)
                    .orElse("");
        } catch (IOException e) {
            return ""; // cannot tell: never matches
        }
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
