package dev.scaletoolkit.triggers.poll;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.ConnectionInfo;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.event.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poller per connection, each a {@link Supervisor} worker named {@code triggers-poller-<connection>}, plus a
 * worker ({@value #DISCOVERY}) that starts pollers for new connections and stops those of removed ones.
 *
 * <p>Two kinds of failure are told apart. Scale answering an error or being unreachable is the normal weather of a
 * poller: it is logged as a warning and the next sweep waits longer (as long as a 429's {@code Retry-After} asks).
 * Anything else (a bug, a broken database, an {@link Error}) propagates to the supervisor, which logs it once,
 * counts it, reports the worker down (health says degraded and names it) and runs it again after a back-off.
 */
public final class Pollers implements AutoCloseable {
    /** The name of the worker that keeps one poller per connection. */
    public static final String DISCOVERY = "triggers-poller-discovery";

    private static final Logger LOG = LoggerFactory.getLogger(Pollers.class);
    private static final String PREFIX = "triggers-poller-";

    private final Connections connections;
    private final Events events;
    private final PollCursorStore cursors;
    private final TriggerSettings settings;
    private final Clock clock;
    private final Supervisor supervisor;
    private final Map<String, Poller> running = new ConcurrentHashMap<>();
    private volatile Supervisor.Worker discovery;
    private volatile boolean closed;

    private Pollers(
            Connections connections,
            Events events,
            Database db,
            TriggerSettings settings,
            Clock clock,
            Supervisor supervisor) {
        this.connections = connections;
        this.events = events;
        this.cursors = new PollCursorStore(db);
        this.settings = settings;
        this.clock = clock;
        this.supervisor = supervisor;
    }

    /** Starts polling every connection under {@code supervisor}; with a zero interval nothing polls. */
    public static Pollers start(
            Connections connections,
            Events events,
            Database db,
            TriggerSettings settings,
            Clock clock,
            Supervisor supervisor) {
        Pollers pollers = new Pollers(connections, events, db, settings, clock, supervisor);
        if (!settings.pollInterval().isZero() && !settings.pollInterval().isNegative()) {
            pollers.discovery = supervisor.start(DISCOVERY, settings.pollInterval(), pollers::discover);
        }
        return pollers;
    }

    /** The worker name of the poller of connection {@code name}. */
    public static String workerName(String connection) {
        return PREFIX + connection;
    }

    private void discover() {
        Set<String> names =
                connections.list().stream().map(ConnectionInfo::name).collect(Collectors.toSet());
        for (String name : names) {
            running.computeIfAbsent(name, n -> {
                Poller p = new Poller(n);
                p.worker = supervisor.start(workerName(n), settings.pollInterval(), p::runOnce);
                return p;
            });
        }
        for (String name : Set.copyOf(running.keySet())) {
            if (!names.contains(name)) {
                Poller gone = running.remove(name);
                if (gone != null && gone.worker != null) {
                    gone.worker.close();
                }
            }
        }
    }

    /** One connection's poller: its own wait after Scale's errors, on top of the supervisor's fixed delay. */
    private final class Poller {
        private final String name;
        private volatile Supervisor.Worker worker;
        private int failuresInARow;
        private Instant notBefore;

        Poller(String name) {
            this.name = name;
        }

        void runOnce() {
            if (notBefore != null && clock.instant().isBefore(notBefore)) {
                return;
            }
            Optional<Connection> connection = connections.get(name);
            if (connection.isEmpty()) {
                return; // removed: discovery stops this worker
            }
            try {
                new TaskPoller(connection.get(), events, cursors, settings, clock).sweep();
                failuresInARow = 0;
                notBefore = null;
            } catch (ScaleException e) {
                if (closed) {
                    return; // cut short by close(): not a failure
                }
                int inARow = ++failuresInARow;
                Duration next = TaskPoller.backoff(e, inARow, settings.pollInterval());
                notBefore = clock.instant().plus(next).minus(settings.pollInterval());
                // The SDK's messages never hold the key.
                LOG.warn(
                        "Polling connection '{}' failed ({} in a row), next try in {}: {}",
                        name,
                        inARow,
                        next,
                        e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (discovery != null) {
            discovery.close();
        }
        running.values().forEach(p -> {
            if (p.worker != null) {
                p.worker.close();
            }
        });
        running.clear();
    }
}
