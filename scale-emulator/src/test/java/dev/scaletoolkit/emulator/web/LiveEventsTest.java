package dev.scaletoolkit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.ManualClock;
import dev.scaletoolkit.emulator.admin.WorkerHealth;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.infra.work.Supervisor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19: the live dashboard's poller runs under the supervisor (an {@link Error} shows in health and the poller
 * comes back) and a client that stops reading cannot hold up the others' events. Rounds are driven by waking the
 * worker (its period is an hour) and waiting for what they deliver; time moves only on the injected clock.
 */
class LiveEventsTest {
    private static final Caller MANAGER = new Caller("acct", false);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Supervisor supervisor = new Supervisor(clock, failures -> Duration.ofSeconds(1));
    private final AtomicReference<String> version = new AtomicReference<>("v1");
    private final AtomicBoolean failNext = new AtomicBoolean();
    private final LiveEvents live = new LiveEvents(
            caller -> {
                if (failNext.getAndSet(false)) {
                    throw new OutOfMemoryError("Java heap space (test)");
                }
                return version.get();
            },
            supervisor,
            Duration.ofHours(1));

    @AfterEach
    void stop() {
        live.close();
        supervisor.close();
    }

    @Test
    void aClientThatNeverReadsDoesNotDelayAnotherAndIsDroppedWhenTooFarBehind() throws Exception {
        StalledSink stalled = new StalledSink();
        live.attach(MANAGER, "v1", stalled);
        ReadingSink reader = new ReadingSink();
        live.attach(MANAGER, "v1", reader);
        assertThat(reader.events.poll(20, TimeUnit.SECONDS)).startsWith("retry: 2000\nevent: ready");

        version.set("v2");
        worker().wake();
        assertThat(reader.events.poll(20, TimeUnit.SECONDS)).isEqualTo("event: change\ndata: v2\n\n");

        // Each round queues one more event for the stalled client; once its queue passes the bound it is dropped,
        // and the reader keeps getting every event meanwhile.
        int rounds = LiveEvents.MAX_QUEUED_BYTES / "event: change\ndata: v0\n\n".length() + 2;
        for (int i = 3; i < 3 + rounds && stalled.closed.getCount() > 0; i++) {
            version.set("v" + i);
            worker().wake();
            assertThat(reader.events.poll(20, TimeUnit.SECONDS)).isEqualTo("event: change\ndata: v" + i + "\n\n");
        }
        assertThat(stalled.closed.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stalled.written).isZero();
        assertThat(live.open()).isEqualTo(1);
        assertThat(reader.closed.getCount()).isEqualTo(1);
    }

    @Test
    void aPollerFailureShowsInHealthAndThePollerComesBack() throws Exception {
        ReadingSink reader = new ReadingSink();
        live.attach(MANAGER, "v1", reader);
        assertThat(reader.events.poll(20, TimeUnit.SECONDS)).startsWith("retry: 2000\nevent: ready");

        failNext.set(true);
        version.set("v2");
        worker().wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.isDown(LiveEvents.WORKER));
        JsonNode health = WorkerHealth.of(supervisor.down(), "test");
        assertThat(health.path("status").asString()).isEqualTo("degraded");
        assertThat(health.path("workers_down").get(0).path("name").asString()).isEqualTo(LiveEvents.WORKER);
        assertThat(health.path("workers_down").get(0).path("error").asString()).contains("OutOfMemoryError");

        clock.advance(Duration.ofSeconds(1));
        worker().wake();
        assertThat(reader.events.poll(20, TimeUnit.SECONDS)).isEqualTo("event: change\ndata: v2\n\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !supervisor.isDown(LiveEvents.WORKER));
        assertThat(WorkerHealth.of(supervisor.down(), "test").path("status").asString())
                .isEqualTo("ok");
    }

    private Supervisor.Worker worker() {
        return supervisor.workers().stream()
                .filter(w -> w.name().equals(LiveEvents.WORKER))
                .findFirst()
                .orElseThrow();
    }

    /** A connection whose peer never reads: never ready to take more. */
    private static final class StalledSink implements LiveEvents.Sink {
        final CountDownLatch closed = new CountDownLatch(1);
        volatile int written;

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public void write(byte[] bytes) {
            written += bytes.length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** A connection that takes everything; it keeps the events and, like EventSource, skips comment lines. */
    private static final class ReadingSink implements LiveEvents.Sink {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void write(byte[] bytes) {
            String event = new String(bytes, StandardCharsets.UTF_8);
            if (!event.startsWith(":")) {
                events.add(event);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
