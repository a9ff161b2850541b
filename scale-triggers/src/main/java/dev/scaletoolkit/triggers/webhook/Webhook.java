package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.triggers.event.EventType;
import java.time.Instant;
import java.util.Set;

/**
 * A webhook subscription as it may be shown: never its secret.
 *
 * @param lastEventId the last event delivered (or given up on); the next delivery is the first matching one after it
 * @param attempts failed attempts at the next event so far
 * @param lastError why the last attempt failed, if it did
 */
public record Webhook(
        String id,
        String url,
        Set<EventType> eventTypes,
        String project,
        String connection,
        Instant createdAt,
        long lastEventId,
        int attempts,
        String lastError) {}
