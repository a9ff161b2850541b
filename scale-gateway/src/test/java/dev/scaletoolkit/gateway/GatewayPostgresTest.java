package dev.scaletoolkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.audit.AuditTrail;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.tools.Profile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's migrations and stores on a real PostgreSQL server, beside nothing but their own tables. */
class GatewayPostgresTest {

    @Test
    void connectionsTokensAndAuditOnPostgres(@TempDir Path home) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = Map.of(
                    Gateway.DATABASE_URL_ENV,
                    pg.getJdbcUrl("postgres", "postgres"),
                    "SCALE_GATEWAY_DB_USER",
                    "postgres",
                    "SCALE_GATEWAY_DB_PASSWORD",
                    "postgres");
            try (Gateway gw = Gateway.open(home, env::get)) {
                assertThat(gw.database().isPostgres()).isTrue();
                gw.connections().add(new NewConnection("prod", null, null, "live_pgkey123456", "cbk_pg"));
                gw.connections().use("prod");
                AgentTokens.Created t = gw.tokens()
                        .create(new AgentTokens.NewToken(
                                "pg-bot", "prod", Profile.CORE, null, Duration.ofHours(1), false));
                AgentTokens.Created forever = gw.tokens()
                        .create(new AgentTokens.NewToken(
                                "pg-2", "prod", null, java.util.List.of("GET_TASK"), null, true));
                assertThat(gw.tokens().authenticate(t.secret())).isPresent();
                assertThat(gw.tokens().authenticate(forever.secret())).isPresent();
                for (int i = 0; i < 3; i++) {
                    gw.audit()
                            .append(new AuditTrail.Call(
                                    i,
                                    "token:x (y)",
                                    "prod",
                                    "SCALE_AI_GET_TASK",
                                    "{}",
                                    "ok",
                                    null,
                                    1,
                                    0,
                                    "not_needed"));
                }
                assertThat(gw.audit().verify().intact()).isTrue();
            }
            try (Gateway again = Gateway.open(home, env::get)) {
                assertThat(again.connections().require("prod").apiKey()).isEqualTo("live_pgkey123456");
                assertThat(again.connections().defaultName()).contains("prod");
                assertThat(again.audit().verify().entries()).isEqualTo(3);
            }
        }
    }
}
