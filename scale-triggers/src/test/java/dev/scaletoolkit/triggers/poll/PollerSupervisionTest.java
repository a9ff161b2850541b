package dev.scaletoolkit.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.Triggers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A poller that throws something other than Scale's errors (here: its database table is gone) is caught by the
 * supervisor, reported down in the emulator's health by name, and runs again once the cause is gone.
 */
class PollerSupervisionTest {

    @Test
    void aPollerThatThrowsIsReportedDownByNameAndRunsAgainAfterwards(@TempDir Path home) throws Exception {
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false));
                Gateway gateway = Gateway.open(home, name -> null)) {
            gateway.connections()
                    .outbound()
                    .recordStartedEmulator(URI.create(scale.baseUrl()).getAuthority());
            gateway.connections()
                    .put(new Connections.NewConnection(
                            "emu",
                            scale.baseUrl() + "/v1",
                            null,
                            scale.account().liveKey(),
                            null));
            Supervisor supervisor = scale.emulator().context().supervisor();
            TriggerSettings settings = new TriggerSettings(
                    Duration.ofMillis(20),
                    Duration.ofMinutes(2),
                    Duration.ofDays(30),
                    Duration.ofHours(24),
                    Duration.ofSeconds(5));
            String worker = Pollers.workerName("emu");
            try (Triggers triggers = Triggers.start(gateway, name -> null, settings, supervisor)) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> supervisor.workers().stream()
                                .anyMatch(w -> w.name().equals(worker) && w.runs() > 0));
                assertThat(health(scale).path("status").asString()).isEqualTo("ok");

                gateway.database().write(h -> h.execute("ALTER TABLE gw_poll_cursors RENAME TO gw_poll_cursors_away"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.isDown(worker));
                JsonNode degraded = health(scale);
                assertThat(degraded.path("status").asString()).isEqualTo("degraded");
                assertThat(degraded.path("workers_down").toString()).contains(worker);
                assertThat(supervisor.failures(worker)).isPositive();

                gateway.database().write(h -> h.execute("ALTER TABLE gw_poll_cursors_away RENAME TO gw_poll_cursors"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !supervisor.isDown(worker));
                assertThat(health(scale).path("status").asString()).isEqualTo("ok");
                assertThat(supervisor.workers().stream().map(Supervisor.Worker::name))
                        .contains(Pollers.DISCOVERY, Triggers.RETENTION_WORKER);
            }
        }
    }

    private static JsonNode health(TestEmulator scale) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(scale.baseUrl() + "/_emulator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return ScaleJson.mapper().readTree(r.body());
    }
}
