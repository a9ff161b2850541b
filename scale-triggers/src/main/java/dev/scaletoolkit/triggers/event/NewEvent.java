package dev.scaletoolkit.triggers.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * An event before it is stored. {@code dedupKey} names what happened (a task reaching a status at a time, a batch
 * completing), so the same happening seen twice, by a retried callback or by the poller, is stored once.
 *
 * @param source {@code callback} or {@code poll}
 * @param payload the task (or batch) as Scale sent it
 */
public record NewEvent(
        EventType type,
        String connection,
        String dedupKey,
        String taskId,
        String batch,
        String project,
        String status,
        String occurredAt,
        String source,
        ObjectNode payload) {}
