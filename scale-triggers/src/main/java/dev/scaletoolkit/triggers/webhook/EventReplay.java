package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends stored events to a URL again, in id order, exactly as a webhook delivers them (same body, same headers,
 * signed when a secret is given, same address policy). Stops at the first failure and says where to resume.
 */
public final class EventReplay {
    private final Events events;
    private final OutboundPolicy policy;
    private final WebhookSender sender;

    /** {@code policy}: what the replay may reach (the CLI allows loopback too: its user typed the URL). */
    public EventReplay(Events events, OutboundPolicy policy) {
        this.events = events;
        this.policy = policy;
        this.sender = new WebhookSender(() -> policy, Duration.ofSeconds(10));
    }

    /** How a replay went: how many were sent, and the failure that stopped it (null when all were sent). */
    public record Outcome(int sent, Long failedEventId, String failure) {}

    /**
     * Posts every event matching {@code query} to {@code url}. {@code secret} may be null (no signature header).
     * {@code progress} hears each event as it is delivered.
     */
    public Outcome replay(EventQuery query, String url, String secret, Consumer<Event> progress)
            throws InterruptedException {
        String target = Webhooks.checkUrl(policy, url).toString();
        int sent = 0;
        EventQuery page = query;
        while (true) {
            List<Event> batch = events.list(page);
            if (batch.isEmpty()) {
                return new Outcome(sent, null, null);
            }
            for (Event e : batch) {
                byte[] body = ScaleJson.mapper().writeValueAsString(e.toJson()).getBytes(StandardCharsets.UTF_8);
                String failure = secret == null
                        ? sender.sendUnsigned(target, e.id(), e.type().wireName(), body)
                        : sender.send(target, e.id(), e.type().wireName(), body, secret, Instant.now());
                if (failure != null) {
                    return new Outcome(sent, e.id(), failure);
                }
                sent++;
                progress.accept(e);
            }
            page = page.withAfter(batch.get(batch.size() - 1).id());
        }
    }

    /** For callers that only have a URL to check (the CLI, before it starts). */
    public static void checkUrl(OutboundPolicy policy, String url) throws GatewayException {
        Webhooks.checkUrl(policy, url);
    }
}
