package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.infra.crypto.MasterKey;
import dev.scaletoolkit.infra.crypto.SecretBox;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.event.Events;
import java.time.Clock;
import java.util.function.Function;

/** Wires the webhook parts over a gateway: the subscriptions and, when delivering, the dispatcher. */
public final class WebhookService implements AutoCloseable {
    private final Webhooks webhooks;
    private final WebhookDispatcher dispatcher;

    private WebhookService(Webhooks webhooks, WebhookDispatcher dispatcher) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    /** Subscriptions and a running dispatcher. */
    public static WebhookService start(
            Gateway gateway, Function<String, String> env, Events events, TriggerSettings settings, Clock clock) {
        WebhookStore store = new WebhookStore(gateway.database());
        Webhooks webhooks = webhooks(gateway, env, events, clock, store);
        return new WebhookService(webhooks, new WebhookDispatcher(store, webhooks, events, settings, clock));
    }

    /** Subscriptions only, for managing them from another process. */
    public static Webhooks manage(Gateway gateway, Function<String, String> env, Events events, Clock clock) {
        return webhooks(gateway, env, events, clock, new WebhookStore(gateway.database()));
    }

    private static Webhooks webhooks(
            Gateway gateway, Function<String, String> env, Events events, Clock clock, WebhookStore store) {
        // The same master key as the connections' secrets (file or environment), not a key of our own.
        SecretBox box = new SecretBox(MasterKey.load(gateway.home(), env));
        return new Webhooks(
                store,
                box,
                clock,
                events::lastId,
                () -> gateway.connections().outbound().policy("webhooks"));
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
