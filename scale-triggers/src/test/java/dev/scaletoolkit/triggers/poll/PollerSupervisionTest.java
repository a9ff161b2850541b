package dev.scaletoolkit.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.Triggers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poller that throws something other than Scale's errors (here: its database table is gone) is caught by the
 * supervisor, reported down by name, and runs again once the cause is gone. Under {@code scale up} the supervisor is
 * the emulator's, whose health names every worker that is down (the emulator's {@code WorkerSupervisionTest}).
 */
@ScaleEmulatorTest
class PollerSupervisionTest {

    @Test
    void aPollerThatThrowsIsReportedDownByNameAndRunsAgainAfterwards(RunningEmulator scale, @TempDir Path home)
            throws Exception {
        try (Supervisor supervisor = new Supervisor();
                Gateway gateway = Gateway.open(home, name -> null)) {
            gateway.connections()
                    .outbound()
                    .recordStartedEmulator(URI.create(scale.baseUrl()).getAuthority());
            gateway.connections()
                    .put(new Connections.NewConnection("emu", scale.baseUrl() + "/v1", null, scale.liveKey(), null));
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
                assertThat(supervisor.down()).isEmpty();

                gateway.database().write(h -> h.execute("ALTER TABLE gw_poll_cursors RENAME TO gw_poll_cursors_away"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.isDown(worker));
                assertThat(supervisor.down())
                        .extracting(Supervisor.Worker::name)
                        .contains(worker);
                assertThat(supervisor.workers().stream().filter(w -> w.name().equals(worker)))
                        .allSatisfy(w -> assertThat(w.lastError()).isPresent());
                assertThat(supervisor.failures(worker)).isPositive();

                gateway.database().write(h -> h.execute("ALTER TABLE gw_poll_cursors_away RENAME TO gw_poll_cursors"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !supervisor.isDown(worker));
                assertThat(supervisor.down()).isEmpty();
                assertThat(supervisor.workers().stream().map(Supervisor.Worker::name))
                        .contains(Pollers.DISCOVERY, Triggers.RETENTION_WORKER);
            }
        }
    }
}
