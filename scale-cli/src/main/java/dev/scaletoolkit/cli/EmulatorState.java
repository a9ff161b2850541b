package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a running {@code ./scale up} listens, kept in {@code $SCALE_HOME/emulator.json} (default
 * {@code ~/.scale}) so that every other command finds it from any directory. The file holds no key: it points at
 * the data directory's {@code credentials.json}, which is owner-only as well.
 *
 * @param url the emulator's root, e.g. {@code http://127.0.0.1:8790} (the API is under {@code /v1})
 * @param dataDir absolute data directory
 * @param credentials the file that holds the demo account's keys
 * @param pid the process that serves it, to tell a live emulator from a stale file
 * @param version the toolkit version that wrote it
 */
record EmulatorState(String url, Path dataDir, Path credentials, long pid, String version) {
    static final String FILE_NAME = "emulator.json";

    /** {@code $SCALE_HOME}, else {@code ~/.scale}. */
    static Path home(Function<String, String> env) {
        return dev.scaletoolkit.gateway.GatewayHome.resolve(env); // one home for the gateway and this file
    }

    static Path file(Function<String, String> env) {
        return home(env).resolve(FILE_NAME);
    }

    /** The recorded emulator, if a state file exists and can be read. */
    static Optional<EmulatorState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = ScaleJson.mapper().readTree(Files.readString(file));
            if (!n.path("url").isString() || !n.path("data_dir").isString()) {
                return Optional.empty();
            }
            return Optional.of(new EmulatorState(
                    n.path("url").asString(),
                    Path.of(n.path("data_dir").asString()),
                    Path.of(n.path("credentials").asString(n.path("data_dir").asString())),
                    n.path("pid").asLong(-1),
                    n.path("version").asString("")));
        } catch (IOException | JacksonException e) {
            return Optional.empty(); // an unreadable file counts as none; the next ./scale up rewrites it
        }
    }

    /** True while the process that wrote this file is still running. */
    boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    int port() {
        return java.net.URI.create(url).getPort();
    }

    /** Writes the file readable by its owner only, replacing any earlier one in one step. */
    void write(Path file) {
        ObjectNode n = ScaleJson.mapper().createObjectNode();
        n.put("url", url);
        n.put("api_base_url", url + "/v1");
        n.put("data_dir", dataDir.toString());
        n.put("credentials", credentials.toString());
        n.put("pid", pid);
        n.put("version", version);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            Path tmp = Files.createTempFile(dir, ".emulator", ".tmp");
            ownerOnly(tmp, "rw-------");
            Files.writeString(
                    tmp, ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the file if it still describes this process (a newer {@code up} may have replaced it). */
    static void removeIfOurs(Path file, long pid) {
        read(file).filter(s -> s.pid() == pid).ifPresent(s -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover file is detected as stale by the next command
            }
        });
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
