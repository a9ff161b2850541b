package dev.scaletoolkit.triggers.poll;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.GenericCall;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.error.RateLimitException;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.event.EventParser;
import dev.scaletoolkit.triggers.event.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One sweep of one connection's tasks: every task updated after the persisted cursor, read through every
 * {@code next_token} page, turned into the same events a callback makes (the event log keeps each once). Batches of
 * finished tasks are read too, to notice a batch completion whose callback was missed.
 *
 * <p>The cursor moves only after a complete sweep, to the newest {@code updated_at} seen less the overlap, so a
 * sweep cut short by an error is simply repeated.
 */
final class TaskPoller {
    /** The mark the emulator\'s fault rules recognise as the toolkit\'s own background traffic. */
    static final String BACKGROUND_USER_AGENT = "scale-toolkit-background";

    static final int PAGE_SIZE = 100;

    private final Connection connection;
    private final Events events;
    private final PollCursorStore cursors;
    private final TriggerSettings settings;
    private final Clock clock;

    TaskPoller(Connection connection, Events events, PollCursorStore cursors, TriggerSettings settings, Clock clock) {
        this.connection = connection;
        this.events = events;
        this.cursors = cursors;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a sweep saw: pages read and events that were new. */
    record Sweep(int pages, int tasks, int newEvents) {}

    /**
     * Reads everything since the cursor. Throws the SDK's exceptions; a {@link RateLimitException} carries the
     * server's {@code Retry-After}.
     */
    Sweep sweep() {
        Instant now = clock.instant();
        Instant cursor = cursors.get(connection.name()).orElseGet(() -> {
            // A new connection starts from now: its history before the gateway knew it is not replayed.
            Instant start = now.minus(settings.pollOverlap());
            cursors.put(connection.name(), start, now);
            return start;
        });
        ClientOptions options = ClientOptions.builder()
                .apiKey(connection.apiKey())
                .baseUrl(connection.baseUrl())
                .maxRetries(0) // the poller backs off itself, honouring Retry-After
                // Marks the poller as the toolkit's own background client: the emulator's fault rules leave it
                // alone unless a rule asks for it, so a test's injected faults reach the test's client. The mark is
                // the emulator's FaultPlan.BACKGROUND_USER_AGENT, written out: scale-triggers does not depend on the
                // emulator.
                .userAgentSuffix(BACKGROUND_USER_AGENT + " (triggers-poller)")
                .build();
        Instant newest = null;
        int pages = 0;
        int tasks = 0;
        int fresh = 0;
        Set<String> batches = new LinkedHashSet<>();
        try (ScaleClient api = ScaleClient.create(options)) {
            String token = null;
            do {
                GenericCall call = api.call("GET", "/tasks")
                        .query("updated_after", cursor.toString())
                        .query("limit", PAGE_SIZE);
                if (token != null) {
                    call.query("next_token", token);
                }
                JsonNode page = ScaleJson.mapper().readTree(call.executeText());
                pages++;
                for (JsonNode doc : page.path("docs")) {
                    if (!doc.isObject()) {
                        continue;
                    }
                    tasks++;
                    ObjectNode task = (ObjectNode) doc;
                    Instant updated = time(task, "updated_at");
                    if (updated != null && (newest == null || updated.isAfter(newest))) {
                        newest = updated;
                    }
                    var event = EventParser.fromTask(connection.name(), task, "poll");
                    if (event.isPresent()) {
                        if (events.record(event.get()).isPresent()) {
                            fresh++;
                        }
                        if (task.hasNonNull("batch")) {
                            batches.add(task.get("batch").asString());
                        }
                    }
                }
                JsonNode next = page.get("next_token");
                boolean more = page.path("has_more").asBoolean(next != null && !next.isNull());
                token = more
                                && next != null
                                && !next.isNull()
                                && !next.asString().isEmpty()
                        ? next.asString()
                        : null;
            } while (token != null);
            for (String batch : batches) {
                JsonNode doc = ScaleJson.mapper()
                        .readTree(api.call("GET", "/batches/" + ScaleClient.pathSegment(batch))
                                .executeText());
                if (doc.isObject()) {
                    var event = EventParser.fromBatch(
                            connection.name(),
                            (ObjectNode) doc,
                            doc.path("status").asString(""),
                            "poll");
                    if (event.isPresent() && events.record(event.get()).isPresent()) {
                        fresh++;
                    }
                }
            }
        }
        if (newest != null) {
            Instant next = newest.minus(settings.pollOverlap());
            if (next.isAfter(cursor)) {
                cursors.put(connection.name(), next, now);
            }
        }
        return new Sweep(pages, tasks, fresh);
    }

    private static Instant time(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            return null;
        }
        try {
            return Instant.parse(v.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The delay before the next sweep after a failure: Retry-After when Scale sent one, else a doubling delay. */
    static Duration backoff(ScaleException e, int failuresInARow, Duration interval) {
        if (e instanceof RateLimitException limited && limited.retryAfter().isPresent()) {
            Duration asked = limited.retryAfter().get();
            return asked.compareTo(interval) > 0 ? asked : interval;
        }
        long factor = 1L << Math.min(failuresInARow, 6);
        Duration grown = interval.multipliedBy(factor);
        Duration cap = Duration.ofMinutes(15);
        return grown.compareTo(cap) > 0 ? cap : grown;
    }
}
