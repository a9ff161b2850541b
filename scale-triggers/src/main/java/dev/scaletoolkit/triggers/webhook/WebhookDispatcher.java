package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.infra.delivery.DeliveryLoop;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.Events;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to webhook subscriptions: in id order per subscription, at least once. A subscription is claimed
 * (a lease in the database), its next matching event sent and, on a 2xx, the cursor moved past it; on a failure
 * the next attempt waits a doubling delay with jitter, and after the retry window the event is recorded as failed
 * and the next one follows. All of it is in the database, so a restart resumes where it stopped; a crash between
 * sending and recording repeats one delivery (receivers dedupe by the event id). The claim-and-send threads are
 * scale-infra's {@link DeliveryLoop}, shared with its callback outbox.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LEASE = SEND_TIMEOUT.plusSeconds(30);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final int SENDERS = 4;
    private static final int BURST = 100;

    private final WebhookStore store;
    private final Webhooks webhooks;
    private final Events events;
    private final TriggerSettings settings;
    private final Clock clock;
    private final WebhookSender sender;
    private final DeliveryLoop<WebhookStore.Row> loop;
    private final AutoCloseable subscription;

    WebhookDispatcher(WebhookStore store, Webhooks webhooks, Events events, TriggerSettings settings, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.sender = new WebhookSender(webhooks::policy, SEND_TIMEOUT);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.loop = new DeliveryLoop<>("scale-webhooks", TICK, SENDERS, SEND_TIMEOUT, this::claim, this::deliver);
        loop.start();
        this.subscription = events.subscribe(e -> wake());
    }

    /** Looks for work now rather than at the next tick (a new event was stored). */
    void wake() {
        loop.wake();
    }

    private List<WebhookStore.Row> claim(int room) {
        Instant now = clock.instant();
        return store.claimDue(now, now.plus(LEASE), room);
    }

    private void deliver(WebhookStore.Row row) {
        try {
            Webhook hook = Webhooks.info(row);
            EventQuery query = new EventQuery(
                    row.lastEventId(), hook.eventTypes(), hook.connection(), hook.project(), null, null, 1);
            String secret = webhooks.secret(row);
            int attempts = row.attempts();
            Long firstFailed = row.firstFailedAt();
            for (int i = 0; i < BURST; i++) {
                List<Event> next = events.list(query);
                if (next.isEmpty()) {
                    store.release(row.id());
                    return;
                }
                Event event = next.get(0);
                byte[] body =
                        ScaleJson.mapper().writeValueAsString(event.toJson()).getBytes(StandardCharsets.UTF_8);
                Instant now = clock.instant();
                String failure = sender.send(row.url(), event.id(), event.type().wireName(), body, secret, now);
                if (failure == null) {
                    store.delivered(row.id(), event.id(), clock.instant().plus(LEASE));
                    query = query.withAfter(event.id());
                    attempts = 0;
                    firstFailed = null;
                    continue;
                }
                attempts++;
                long first = firstFailed == null ? now.toEpochMilli() : firstFailed;
                if (now.toEpochMilli() - first >= settings.webhookRetryWindow().toMillis()) {
                    LOG.warn(
                            "Webhook {} gave up on event {} after {} attempts: {}",
                            row.id(),
                            event.id(),
                            attempts,
                            failure);
                    store.gaveUp(row.id(), event.id(), attempts, failure, now);
                    store.release(row.id());
                } else {
                    Duration wait = delay(attempts);
                    LOG.info(
                            "Webhook {} event {} failed (attempt {}), next in {}: {}",
                            row.id(),
                            event.id(),
                            attempts,
                            wait,
                            failure);
                    store.failed(row.id(), attempts, first, now.plus(wait), failure);
                }
                return;
            }
            store.release(row.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping; the lease runs out and the next start resumes
        } catch (RuntimeException e) {
            LOG.warn("Webhook {} could not be processed: {}", row.id(), e.toString());
        }
    }

    /** The first retry delay doubled per attempt, at most an hour, times a random factor in [0.5, 1). */
    Duration delay(int attempts) {
        Duration base = settings.webhookFirstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (base.compareTo(MAX_DELAY) > 0) {
            base = MAX_DELAY;
        }
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, (long) (base.toMillis() * jitter)));
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // removing a listener does not fail
        }
        loop.close();
    }
}
