package dev.scaletoolkit.gateway;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** A real emulator on a free port and a gateway with connections 'live' and 'test' to it. */
final class GatewayFixture implements AutoCloseable {
    final TestEmulator scale;
    final Gateway gateway;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:05Z"));

    GatewayFixture(Path home, String budgetsJson) {
        try {
            Files.createDirectories(home);
            if (budgetsJson != null) {
                Files.writeString(home.resolve(Gateway.BUDGETS_FILE), budgetsJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        gateway = Gateway.open(home, Map.<String, String>of()::get, clock);
        String url = scale.baseUrl() + "/v1";
        gateway.connections()
                .outbound()
                .recordStartedEmulator(java.net.URI.create(url).getAuthority());
        gateway.connections()
                .add(new NewConnection("live", url, null, scale.account().liveKey(), "cbk_x"));
        gateway.connections()
                .add(new NewConnection("test", url, null, scale.account().testKey(), null));
    }

    AgentTokens.Created token(String connection, Profile profile, boolean allowLive) {
        return gateway.tokens()
                .create(new AgentTokens.NewToken("agent-" + connection, connection, profile, null, null, allowLive));
    }

    AgentTokens.Created token(String connection, List<String> tools, Duration ttl, boolean allowLive) {
        return gateway.tokens()
                .create(new AgentTokens.NewToken("agent-" + connection, connection, null, tools, ttl, allowLive));
    }

    static ObjectNode json(String text) {
        return (ObjectNode) ScaleJson.mapper().readTree(text);
    }

    @Override
    public void close() {
        gateway.close();
        scale.close();
    }
}
