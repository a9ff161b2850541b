package dev.scaletoolkit.triggers;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.triggers.event.Events;
import dev.scaletoolkit.triggers.mcp.TriggersMcpFeatures;
import dev.scaletoolkit.triggers.poll.Pollers;
import dev.scaletoolkit.triggers.receive.CallbackServlet;
import dev.scaletoolkit.triggers.webhook.WebhookService;
import dev.scaletoolkit.triggers.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triggers of one gateway process: the event log, a poller per connection, the webhook dispatcher, retention,
 * and the callback endpoint to mount at {@code /callbacks/*} on the gateway's HTTP server. Close it before the
 * gateway.
 *
 * <pre>{@code
 * try (Gateway gw = Gateway.open(home, env); Triggers triggers = Triggers.start(gw, env, TriggerSettings.fromEnv(env))) {
 *     server.mount("/callbacks/*", triggers.callbackServlet());
 * }
 * }</pre>
 */
public final class Triggers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Triggers.class);

    private final Connections connections;
    private final Events events;
    private final WebhookService webhooks;
    private final Pollers pollers;
    private final Supervisor supervisor;
    private final boolean ownsSupervisor;
    private final Supervisor.Worker retention;

    /** The name of the supervised worker that deletes events older than the retention period. */
    public static final String RETENTION_WORKER = "triggers-retention";

    private Triggers(
            Gateway gateway,
            Function<String, String> env,
            TriggerSettings settings,
            Clock clock,
            Supervisor supervisor,
            boolean ownsSupervisor) {
        this.connections = gateway.connections();
        this.events = new Events(gateway.database(), clock);
        this.supervisor = supervisor;
        this.ownsSupervisor = ownsSupervisor;
        this.webhooks = WebhookService.start(gateway, env, events, settings, clock);
        this.pollers = Pollers.start(connections, events, gateway.database(), settings, clock, supervisor);
        this.retention = supervisor.start(RETENTION_WORKER, Duration.ofHours(1), () -> {
            int gone = events.purgeOlderThan(settings.retention());
            if (gone > 0) {
                LOG.info("Deleted {} events older than {}", gone, settings.retention());
            }
        });
    }

    /**
     * Starts receiving, polling and delivering for an open gateway: its connections, in its database, webhook
     * secrets sealed under its master key ({@code env} is where that key may come from). The pollers and the
     * retention sweep run under a supervisor of their own.
     */
    public static Triggers start(Gateway gateway, Function<String, String> env, TriggerSettings settings) {
        return new Triggers(gateway, env, settings, Clock.systemUTC(), new Supervisor(), true);
    }

    /**
     * As {@link #start(Gateway, Function, TriggerSettings)}, with the pollers and the retention sweep under
     * {@code supervisor} (the emulator's in {@code scale up}, so its health and metrics cover them too).
     */
    public static Triggers start(
            Gateway gateway, Function<String, String> env, TriggerSettings settings, Supervisor supervisor) {
        return new Triggers(gateway, env, settings, Clock.systemUTC(), supervisor, false);
    }

    /** The event log of a gateway, to read without starting anything (the CLI). */
    public static Events events(Gateway gateway) {
        return new Events(gateway.database(), Clock.systemUTC());
    }

    /** The webhook subscriptions of a gateway, to manage without delivering (the CLI). */
    public static Webhooks webhooks(Gateway gateway, Function<String, String> env) {
        Events events = events(gateway);
        return WebhookService.manage(gateway, env, events, Clock.systemUTC());
    }

    public Events events() {
        return events;
    }

    public Webhooks webhooks() {
        return webhooks.webhooks();
    }

    public Connections connections() {
        return connections;
    }

    /** The event tools and task/batch resources for the gateway's MCP endpoint ({@code GatewayMcp.httpServlet}). */
    public TriggersMcpFeatures mcpFeatures() {
        return new TriggersMcpFeatures(events, connections);
    }

    /** The servlet for {@code POST /callbacks/{connection}}; mount it at {@code /callbacks/*}. */
    public ServletHolder callbackServlet() {
        return new ServletHolder("scale-callbacks", new CallbackServlet(connections, events));
    }

    @Override
    public void close() {
        pollers.close();
        webhooks.close();
        retention.close();
        if (ownsSupervisor) {
            supervisor.close();
        }
    }
}
