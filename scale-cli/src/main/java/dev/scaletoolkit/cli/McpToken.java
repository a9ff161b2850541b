package dev.scaletoolkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token of the {@code /mcp} endpoint: {@code SCALE_MCP_TOKEN} when set, else one made on first start
 * and kept (owner-readable only) in the data directory, so MCP client configurations keep working across
 * restarts.
 */
final class McpToken {
    static final String FILE_NAME = "mcp-token";

    private McpToken() {}

    static String ensure(java.util.function.Function<String, String> env, Path dataDir) {
        String fromEnv = env.apply("SCALE_MCP_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String token = "mcp_" + HexFormat.of().formatHex(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX: default permissions
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }
}
