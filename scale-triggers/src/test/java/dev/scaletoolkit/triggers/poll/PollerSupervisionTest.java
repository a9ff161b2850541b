package dev.scaletoolkit.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.Triggers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poller that throws something other than Scale's errors (here: its database table is gone) is caught by the
 * supervisor, reported down by name with its error and counted, and runs again once the cause is gone. In
 * {@code scale up} the supervisor is the emulator's, whose health and {@code /metrics} read these same fields.
 */
class PollerSupervisionTest {

    @Test
    void aPollerThatThrowsIsReportedDownByNameAndRunsAgainAfterwards(@TempDir Path home) {
        try (RunningEmulator scale = RunningEmulator.start();
                Gateway gateway = Gateway.open(home, name -> null);
                Supervisor supervisor = new Supervisor(Clock.systemUTC(), failures -> Duration.ofMillis(50))) {
            gateway.connections()
                    .outbound()
                    .recordStartedEmulator(URI.create(scale.baseUrl()).getAuthority());
            gateway.connections()
                    .put(new Connections.NewConnection("emu", scale.baseUrl() + "/v1", null, scale.liveKey(), null));
            TriggerSettings settings = TriggerSettings.defaults().withPollInterval(Duration.ofMillis(20));
            String worker = Pollers.workerName("emu");
            try (Triggers triggers = Triggers.start(gateway, name -> null, settings, supervisor)) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> supervisor.workers().stream()
                                .anyMatch(w -> w.name().equals(worker) && w.runs() > 0));
                assertThat(supervisor.down()).isEmpty();

                gateway.database().write(h -> h.execute("ALTER TABLE gw_poll_cursors RENAME TO gw_poll_cursors_away"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.isDown(worker));
                assertThat(supervisor.down()).singleElement().satisfies(w -> {
                    assertThat(w.name()).isEqualTo(worker);
                    assertThat(w.lastError()).isPresent();
                    assertThat(w.failures()).isPositive();
                });

                gateway.database().write(h -> h.execute("ALTER TABLE gw_poll_cursors_away RENAME TO gw_poll_cursors"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !supervisor.isDown(worker));
                assertThat(supervisor.down()).isEmpty();
                assertThat(supervisor.workers().stream().map(Supervisor.Worker::name))
                        .contains(worker, Pollers.DISCOVERY, Triggers.RETENTION_WORKER);
            }
        }
    }
}
