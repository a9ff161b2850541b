package dev.scaletoolkit.triggers;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.store.GatewayDatabase;
import dev.scaletoolkit.triggers.event.Events;
import dev.scaletoolkit.triggers.poll.Pollers;
import dev.scaletoolkit.triggers.receive.CallbackServlet;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triggers of one gateway: the event log, the pollers, retention, and the callback endpoint to mount at
 * {@code /callbacks/*} on the gateway's HTTP server. Close it before the database.
 */
public final class Triggers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Triggers.class);

    private final Connections connections;
    private final Events events;
    private final Pollers pollers;
    private final ScheduledExecutorService housekeeping;

    private Triggers(Connections connections, GatewayDatabase db, TriggerSettings settings, Clock clock) {
        this.connections = connections;
        this.events = new Events(db, clock);
        this.pollers = Pollers.start(connections, events, db, settings, clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scale-triggers-retention");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    try {
                        int gone = events.purgeOlderThan(settings.retention());
                        if (gone > 0) {
                            LOG.info("Deleted {} events older than {}", gone, settings.retention());
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Event retention failed, will retry: {}", e.toString());
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
    }

    /** Starts the triggers of an open gateway: its connections, in its database. */
    public static Triggers start(Gateway gateway, TriggerSettings settings) {
        return new Triggers(gateway.connections(), gateway.database(), settings, Clock.systemUTC());
    }

    public Events events() {
        return events;
    }

    public Connections connections() {
        return connections;
    }

    /** The servlet for {@code POST /callbacks/{connection}}; mount it at {@code /callbacks/*}. */
    public ServletHolder callbackServlet() {
        return new ServletHolder("scale-callbacks", new CallbackServlet(connections, events));
    }

    @Override
    public void close() {
        pollers.close();
        housekeeping.shutdownNow();
    }
}
