package dev.scaletoolkit.triggers.event;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored event. Ids only grow, so "everything after id N" is a complete, ordered answer.
 *
 * @param occurredAt when it happened at Scale (the task's {@code completed_at}), if Scale said
 * @param receivedAt when the gateway stored it
 */
public record Event(
        long id,
        EventType type,
        String connection,
        String taskId,
        String batch,
        String project,
        String status,
        String occurredAt,
        Instant receivedAt,
        String source,
        ObjectNode payload) {

    /**
     * The wire form, shared by webhooks, MCP and the CLI: {@code {id, type, connection, created_at, source, data}}
     * where {@code data} holds the task ({@code task}) or the batch ({@code batch}) and their identifiers.
     */
    public ObjectNode toJson() {
        ObjectNode out = ScaleJson.mapper().createObjectNode();
        out.put("id", id);
        out.put("type", type.wireName());
        out.put("connection", connection);
        out.put("created_at", receivedAt.toString());
        out.put("source", source);
        ObjectNode data = out.putObject("data");
        if (taskId != null) {
            data.put("task_id", taskId);
        }
        if (batch != null) {
            // a task event names its batch; a batch event carries the batch object under "batch"
            data.put(taskId != null ? "batch" : "batch_name", batch);
        }
        if (project != null) {
            data.put("project", project);
        }
        data.put("status", status);
        if (occurredAt != null) {
            data.put("occurred_at", occurredAt);
        }
        data.set(taskId != null ? "task" : "batch", payload);
        return out;
    }

    /** The MCP resource this event updates: {@code scale://tasks/{id}} or {@code scale://batches/{name}}. */
    public String resourceUri() {
        return taskId != null ? "scale://tasks/" + taskId : "scale://batches/" + batch;
    }
}
