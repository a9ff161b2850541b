package dev.scaletoolkit.gateway;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the gateway keeps its state: {@code $SCALE_HOME}, else {@code ~/.scale}. The directory is created
 * owner-only ({@code rwx------}) and holds {@code gateway.db} (SQLite), {@code master.key} and the config files.
 */
public final class GatewayHome {
    public static final String ENV = "SCALE_HOME";

    private GatewayHome() {}

    public static Path resolve(Function<String, String> env) {
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim()).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".scale").toAbsolutePath();
    }
}
