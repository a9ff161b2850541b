package dev.scaletoolkit.infra.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SupervisorTest {
    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        // A bounded poll for an event on another thread; nothing here depends on how long it takes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void aWorkerThatThrowsAnErrorIsDownUntilItsBackOffPassesThenRunsAgain() throws Exception {
        MovableClock clock = new MovableClock();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        try (Supervisor supervisor = new Supervisor(clock, Supervisor.DEFAULT_BACKOFF)) {
            supervisor.start("flaky", Duration.ofMillis(5), () -> {
                if (calls.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("Java heap space (injected)");
                }
                recovered.countDown();
            });
            await(() -> !supervisor.down().isEmpty());
            Supervisor.Worker down = supervisor.down().get(0);
            assertThat(down.name()).isEqualTo("flaky");
            assertThat(down.lastError()).hasValue("OutOfMemoryError: Java heap space (injected)");
            assertThat(supervisor.failures("flaky")).isEqualTo(1);
            // The back-off is measured on the clock: the ticks that come meanwhile do not run the body.
            assertThat(recovered.getCount()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            assertThat(recovered.await(20, TimeUnit.SECONDS)).isTrue();
            await(() -> supervisor.down().isEmpty());
            assertThat(supervisor.failures("flaky")).isEqualTo(1);
        }
    }

    @Test
    void backOffDoublesWithFailuresInARowUpToAMinute() {
        assertThat(Supervisor.DEFAULT_BACKOFF.apply(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Supervisor.DEFAULT_BACKOFF.apply(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Supervisor.DEFAULT_BACKOFF.apply(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Supervisor.DEFAULT_BACKOFF.apply(30)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void wakeRunsTheBodyAtOnce() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        try (Supervisor supervisor = new Supervisor()) {
            Supervisor.Worker w = supervisor.start("slow", Duration.ofHours(1), twice::countDown);
            w.wake();
            assertThat(twice.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
