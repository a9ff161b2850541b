package dev.scaletoolkit.gateway.confirm;

import dev.scaletoolkit.gateway.Hashing;
import dev.scaletoolkit.gateway.connection.Mode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which calls need confirmation ({@code policy.json} in the gateway home). Its version is a digest of the file,
 * so a confirmation token issued under one policy is refused after the policy changes.
 */
public final class Policy {
    private final boolean liveTaskCreation;
    private final Set<String> tools;
    private final Duration ttl;
    private final String version;

    public Policy(JsonNode config) {
        this.liveTaskCreation = config.path("live_task_creation").asBoolean(true);
        Set<String> named = new LinkedHashSet<>();
        config.path("tools").forEach(t -> named.add(t.asString()));
        this.tools = Set.copyOf(named);
        this.ttl = Duration.ofSeconds(config.path("confirmation_ttl_seconds").asLong(600));
        this.version = Hashing.sha256(config.toString()).substring(0, 12);
    }

    /** Whether {@code tool} on a connection of {@code mode} needs a person's approval or a confirmation token. */
    public boolean needsConfirmation(String tool, Mode mode, boolean createsTasks) {
        return tools.contains(tool) || (liveTaskCreation && createsTasks && mode == Mode.LIVE);
    }

    /** Whether the tool may need confirmation on some connection (so it accepts {@code dry_run}). */
    public boolean mayNeedConfirmation(String tool, boolean createsTasks) {
        return tools.contains(tool) || (liveTaskCreation && createsTasks);
    }

    public Duration ttl() {
        return ttl;
    }

    public String version() {
        return version;
    }
}
