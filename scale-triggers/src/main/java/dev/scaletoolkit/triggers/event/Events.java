package dev.scaletoolkit.triggers.event;

import dev.scaletoolkit.infra.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log: records events once, lists them in id order, waits for one, and tells in-process listeners (MCP
 * subscriptions, the webhook dispatcher) after each commit. Other processes sharing the database (the CLI's
 * {@code events tail --follow}) see new events by reading.
 */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final Database db;
    private final Clock clock;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();

    public Events(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores the event unless the same happening is already stored; returns it when it is new. The write has
     * committed when this returns.
     */
    public Optional<Event> record(NewEvent e) {
        // Most repeats (the poller re-reading its overlap, Scale retrying) end here, without a write.
        if (db.read(h -> EventStore.exists(h, e.connection(), e.dedupKey()))) {
            return Optional.empty();
        }
        Optional<Event> stored = db.write(h -> EventStore.append(h, e, clock.instant()));
        stored.ifPresent(this::announce);
        return stored;
    }

    private void announce(Event event) {
        synchronized (signal) {
            signal.notifyAll();
        }
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException ex) {
                LOG.warn("An event listener failed on event {}: {}", event.id(), ex.toString());
            }
        }
    }

    public List<Event> list(EventQuery query) {
        return db.read(h -> EventStore.list(h, query));
    }

    /** The id of the newest event ever stored (0 when none), so a reader can start "from now". */
    public long lastId() {
        return db.read(EventStore::lastId);
    }

    /** Calls {@code listener} with each new event stored by this process, after its commit. */
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * The first event matching {@code query} (after its id), waiting until {@code deadline} for one. {@code tick}
     * runs about once a second while waiting (for progress reports). New events of this process wake the wait at
     * once; those of other processes are seen within a second.
     */
    public Optional<Event> awaitFirst(EventQuery query, Instant deadline, Runnable tick) throws InterruptedException {
        EventQuery one = query.withLimit(1);
        while (true) {
            List<Event> found = list(one);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (signal) {
                signal.wait(Math.min(left, 1000));
            }
            tick.run();
        }
    }

    /** Deletes events received more than {@code retention} ago; returns how many. */
    public int purgeOlderThan(Duration retention) {
        return db.write(h -> EventStore.deleteReceivedBefore(h, clock.instant().minus(retention)));
    }
}
