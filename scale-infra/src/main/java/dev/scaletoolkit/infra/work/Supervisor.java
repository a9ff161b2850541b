package dev.scaletoolkit.infra.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background workers (the workforce, delivery pollers, sweeps) so that none can stop silently.
 *
 * <p>A worker is a body run on a fixed delay on a thread of its own. If the body throws anything, an
 * {@link OutOfMemoryError} included, the supervisor catches it, logs it once (not once per retry), marks the worker
 * down, counts the failure and runs the body again after a back-off that doubles with each failure in a row. While
 * a worker is down, {@link #down()} names it, so health checks report the server as degraded instead of healthy.
 * The first run that succeeds marks it up again.
 *
 * <p>Without this, a {@link ScheduledExecutorService} silently cancels a periodic task whose run throws, and a
 * server keeps answering requests while its workforce has stopped for good.
 *
 * <p>Back-off is measured on the injected {@link Clock}, so a test can move time instead of waiting.
 */
public final class Supervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    /** The default back-off: 1 s after the first failure, doubling to at most one minute. */
    public static final IntFunction<Duration> DEFAULT_BACKOFF =
            failures -> Duration.ofSeconds(Math.min(60, 1L << Math.min(6, Math.max(0, failures - 1))));

    private final Clock clock;
    private final IntFunction<Duration> backoff;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final List<Consumer<Worker>> listeners = new CopyOnWriteArrayList<>();

    /** A supervisor on the system clock with the default back-off. */
    public Supervisor() {
        this(Clock.systemUTC(), DEFAULT_BACKOFF);
    }

    /**
     * @param clock measures back-off (tests inject one they move)
     * @param backoff how long to wait before running a worker again after its {@code n}th failure in a row
     */
    public Supervisor(Clock clock, IntFunction<Duration> backoff) {
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * Starts {@code body} every {@code every} (measured from the end of one run to the start of the next) on a
     * daemon thread named {@code name}.
     */
    public Worker start(String name, Duration every, Runnable body) {
        Worker worker = new Worker(name, every, body);
        Worker before = workers.put(name, worker);
        if (before != null) {
            before.close();
        }
        worker.schedule();
        listeners.forEach(l -> l.accept(worker));
        return worker;
    }

    /**
     * Calls {@code listener} with every worker running now and every one started later (metrics register each
     * worker this way, including workers that come and go, such as one poller per connection).
     */
    public void whenStarted(Consumer<Worker> listener) {
        listeners.add(listener);
        workers.values().forEach(listener);
    }

    /** Whether the worker named {@code name} is down now (false for an unknown worker). */
    public boolean isDown(String name) {
        Worker w = workers.get(name);
        return w != null && w.isDown();
    }

    /** Every worker, in no particular order. */
    public List<Worker> workers() {
        return new ArrayList<>(workers.values());
    }

    /** The workers that are down now (failed and waiting to be run again). */
    public List<Worker> down() {
        return workers.values().stream().filter(Worker::isDown).toList();
    }

    /** Failures of {@code name} since start (0 for an unknown worker). */
    public long failures(String name) {
        Worker w = workers.get(name);
        return w == null ? 0 : w.failures();
    }

    @Override
    public void close() {
        workers.values().forEach(Worker::close);
    }

    /** One supervised worker: its thread, its state and its counters. */
    public final class Worker implements AutoCloseable {
        private final String name;
        private final Duration every;
        private final Runnable body;
        private final ScheduledExecutorService thread;
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong runs = new AtomicLong();
        private volatile int failuresInARow;
        private volatile Instant retryAt;
        private volatile Instant downSince;
        private volatile String lastError;

        private Worker(String name, Duration every, Runnable body) {
            this.name = name;
            this.every = every;
            this.body = body;
            this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }

        private void schedule() {
            thread.scheduleWithFixedDelay(this::runOnce, 0, Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS);
        }

        /** Runs the body now rather than at the next tick (new work was queued); skipped while backing off. */
        public void wake() {
            try {
                thread.execute(this::runOnce);
            } catch (RejectedExecutionException closed) {
                // closing: nothing to wake
            }
        }

        private void runOnce() {
            Instant wait = retryAt;
            if (wait != null && clock.instant().isBefore(wait)) {
                return; // backing off
            }
            try {
                body.run();
                runs.incrementAndGet();
                if (downSince != null) {
                    LOG.info("Worker {} is running again after {} failure(s)", name, failuresInARow);
                }
                failuresInARow = 0;
                retryAt = null;
                downSince = null;
                lastError = null;
            } catch (Throwable e) {
                failed(e);
            }
        }

        private void failed(Throwable e) {
            if (thread.isShutdown()) {
                return; // stopping: an interrupted run is not a failure
            }
            failures.incrementAndGet();
            int n = ++failuresInARow;
            Duration pause = backoff.apply(n);
            Instant now = clock.instant();
            retryAt = now.plus(pause);
            lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (downSince == null) {
                downSince = now;
                // Once per outage, with the stack trace; the retries that follow stay quiet until it recovers.
                LOG.error("Worker {} failed and is down; it runs again in {} ms", name, pause.toMillis(), e);
            }
        }

        public String name() {
            return name;
        }

        /** Whether the last run failed and the worker is waiting to run again. */
        public boolean isDown() {
            return downSince != null;
        }

        /** When the current outage began, if the worker is down. */
        public Optional<Instant> downSince() {
            return Optional.ofNullable(downSince);
        }

        /** The failure that took the worker down (class and message, no stack trace), if it is down. */
        public Optional<String> lastError() {
            return Optional.ofNullable(lastError);
        }

        /** Failures since start. */
        public long failures() {
            return failures.get();
        }

        /** Runs that completed since start. */
        public long runs() {
            return runs.get();
        }

        /** Stops the worker and waits a few seconds for a run under way. */
        @Override
        public void close() {
            workers.remove(name, this);
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
