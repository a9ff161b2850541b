package dev.scaletoolkit.emulator.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ManualClock;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.infra.work.Supervisor;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 1: a workforce thread that died left a server answering 200 on health while live tasks stayed
 * pending for good. Now the workforce runs under the supervisor: a poll that fails takes it down, health says
 * {@code degraded} and names it, and once the back-off passes (on an injected clock) it runs again and the task
 * completes.
 */
class WorkerSupervisionTest {
    @Test
    void aWorkforceThatFailsIsReportedDegradedThenRestartedAndCompletesTheTask() throws Exception {
        ManualClock backOffClock = new ManualClock();
        ScaleEmulator emulator = ScaleEmulator.start(
                TestEmulator.defaults(Files.createTempDirectory("supervision"))
                        .workforceDelay(Duration.ZERO)
                        .workforceEnabled(false)
                        .build(),
                Clock.systemUTC(),
                new Supervisor(backOffClock, Supervisor.DEFAULT_BACKOFF));
        try {
            Accounts.NewAccount account = emulator.accounts().create("Sup Co", "owner@sup.example");
            Http live = new Http(emulator.baseUrl(), account.liveKey());
            Http admin = new Http(emulator.baseUrl(), null);
            assertThat(admin.get("/_emulator/health").json().path("status").asString())
                    .isEqualTo("ok");
            String taskId = live.post("/v1/task/categorization", """
                            {"instruction": "Which?", "attachment_type": "text", "attachment": "x",
                             "categories": ["a", "b"]}""")
                    .json()
                    .path("task_id")
                    .asString();

            // Inject the failure: the table the workforce polls is gone (a broken database, as an OOM would break
            // the poll), and the workforce is switched on.
            emulator.context().db().write(h -> h.execute("ALTER TABLE tasks RENAME TO tasks_away"));
            admin.post("/_emulator/workforce", "{\"enabled\": true}");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.get("/_emulator/health")
                            .json()
                            .path("status")
                            .asString()
                            .equals("degraded"));
            var health = admin.get("/_emulator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("workers_down").get(0).path("name").asString())
                    .isEqualTo(Workforce.WORKER);
            assertThat(health.json()
                            .path("workers_down")
                            .get(0)
                            .path("failures")
                            .asLong())
                    .isGreaterThanOrEqualTo(1);

            // The database is back; the worker stays down until its back-off has passed on the clock.
            emulator.context().db().write(h -> h.execute("ALTER TABLE tasks_away RENAME TO tasks"));
            backOffClock.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> live.get("/v1/task/" + taskId)
                            .json()
                            .path("status")
                            .asString()
                            .equals("completed"));
            assertThat(admin.get("/_emulator/health").json().path("status").asString())
                    .isEqualTo("ok");
        } finally {
            emulator.close();
        }
    }
}
