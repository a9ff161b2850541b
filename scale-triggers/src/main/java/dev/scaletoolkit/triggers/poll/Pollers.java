package dev.scaletoolkit.triggers.poll;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.event.Events;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one poller per connection: each sweeps, then waits the poll interval (or longer after failures, as long as
 * a 429's {@code Retry-After} asks). Connections added later get a poller within one interval; removed ones stop.
 */
public final class Pollers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pollers.class);

    private final Connections connections;
    private final Events events;
    private final PollCursorStore cursors;
    private final TriggerSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    private Pollers(Connections connections, Events events, Database db, TriggerSettings settings, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.cursors = new PollCursorStore(db);
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "scale-triggers-poller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling every connection; with a zero interval nothing polls. */
    public static Pollers start(
            Connections connections, Events events, Database db, TriggerSettings settings, Clock clock) {
        Pollers pollers = new Pollers(connections, events, db, settings, clock);
        if (!settings.pollInterval().isZero() && !settings.pollInterval().isNegative()) {
            long every = settings.pollInterval().toMillis();
            pollers.executor.scheduleWithFixedDelay(pollers::discover, 0, every, TimeUnit.MILLISECONDS);
        }
        return pollers;
    }

    private void discover() {
        try {
            for (String name : connections.list().stream()
                    .map(dev.scaletoolkit.gateway.connection.ConnectionInfo::name)
                    .toList()) {
                running.computeIfAbsent(name, n -> {
                    AtomicInteger failures = new AtomicInteger();
                    schedule(n, failures, Duration.ZERO);
                    return failures;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not list connections to poll: {}", e.toString());
        }
    }

    private void schedule(String name, AtomicInteger failures, Duration delay) {
        try {
            executor.schedule(() -> runOnce(name, failures), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // stopping
        }
    }

    private void runOnce(String name, AtomicInteger failures) {
        Optional<Connection> connection;
        try {
            connection = connections.get(name);
        } catch (RuntimeException e) {
            LOG.warn("Could not read connection '{}': {}", name, e.toString());
            schedule(name, failures, settings.pollInterval());
            return;
        }
        if (connection.isEmpty()) {
            running.remove(name); // removed: stop; discover() starts a new one if it comes back
            return;
        }
        Duration next = settings.pollInterval();
        try {
            new TaskPoller(connection.get(), events, cursors, settings, clock).sweep();
            failures.set(0);
        } catch (ScaleException e) {
            if (executor.isShutdown()) {
                return; // cut short by close(): not a failure
            }
            int inARow = failures.incrementAndGet();
            next = TaskPoller.backoff(e, inARow, settings.pollInterval());
            // The SDK's messages never hold the key.
            LOG.warn(
                    "Polling connection '{}' failed ({} in a row), next try in {}: {}",
                    name,
                    inARow,
                    next,
                    e.getMessage());
        } catch (RuntimeException e) {
            int inARow = failures.incrementAndGet();
            next = TaskPoller.backoff(null, inARow, settings.pollInterval());
            LOG.warn(
                    "Polling connection '{}' failed ({} in a row), next try in {}: {}",
                    name,
                    inARow,
                    next,
                    e.toString());
        }
        schedule(name, failures, next);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
