package dev.scaletoolkit.triggers.event;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what Scale sends (a callback body) or returns (a task from {@code /v1/tasks}, a batch) into events, with
 * the same keys whichever way it came, so a callback and the poller never make two events of one completion.
 *
 * <p>Keys: {@code task:<id>:<status>:<completed_at>} and {@code batch:<name>:<status>:<completed_at>}. A task
 * recalled and completed again has a new completion time and so makes a new event; an audit callback repeats the
 * completion and makes none.
 */
public final class EventParser {
    private EventParser() {}

    /** Thrown for a body that is not a task or batch callback; the message says what was expected. */
    public static final class NotAnEventException extends Exception {
        public NotAnEventException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The event in a callback body: {@code {task, response, task_id, status}} for a task, {@code {batch,
     * batch_name, status}} for a batch, or the bare task JSON (as in an email callback). Empty when the body is a
     * valid callback for a state that makes no event (a task back to pending).
     */
    public static Optional<NewEvent> fromCallback(String connection, JsonNode body) throws NotAnEventException {
        if (body == null || !body.isObject()) {
            throw new NotAnEventException("the body must be a JSON object (a Scale task or batch callback)");
        }
        if (body.hasNonNull("batch_name") && !body.hasNonNull("task_id")) {
            JsonNode batch = body.path("batch");
            ObjectNode batchDoc = batch.isObject() ? (ObjectNode) batch.deepCopy() : named(body);
            return fromBatch(
                    connection,
                    batchDoc,
                    body.path("status").asString(batchDoc.path("status").asString("")),
                    "callback");
        }
        JsonNode task = body.path("task");
        ObjectNode taskDoc = task.isObject() ? (ObjectNode) task.deepCopy() : (ObjectNode) body.deepCopy();
        if (!taskDoc.hasNonNull("task_id") && body.hasNonNull("task_id")) {
            taskDoc.put("task_id", body.get("task_id").asString());
        }
        if (!taskDoc.hasNonNull("task_id")) {
            throw new NotAnEventException("the body has neither task_id nor batch_name; expected a Scale callback"
                    + " such as {\"task_id\": ..., \"status\": ..., \"task\": {...}}");
        }
        String status = body.hasNonNull("status")
                ? body.get("status").asString()
                : taskDoc.path("status").asString("");
        if (status.isEmpty()) {
            throw new NotAnEventException("the callback names no status (neither \"status\" nor \"task.status\")");
        }
        taskDoc.put("status", status);
        return fromTask(connection, taskDoc, "callback");
    }

    private static ObjectNode named(JsonNode body) {
        ObjectNode doc = dev.scaletoolkit.model.jackson.ScaleJson.mapper().createObjectNode();
        doc.put("name", body.get("batch_name").asString());
        return doc;
    }

    /** The event a task in its current state makes, if its status is terminal. */
    public static Optional<NewEvent> fromTask(String connection, ObjectNode task, String source) {
        String status = task.path("status").asString("");
        return EventType.forTaskStatus(status).map(type -> {
            String id = task.path("task_id").asString();
            String completedAt = text(task, "completed_at");
            return new NewEvent(
                    type,
                    connection,
                    "task:" + id + ":" + status + ":" + (completedAt == null ? "" : completedAt),
                    id,
                    text(task, "batch"),
                    text(task, "project"),
                    status,
                    completedAt,
                    source,
                    task);
        });
    }

    /** The event a batch makes: only {@code completed} makes one. */
    public static Optional<NewEvent> fromBatch(String connection, ObjectNode batch, String status, String source) {
        if (!"completed".equals(status)) {
            return Optional.empty();
        }
        String name = batch.path("name").asString();
        String completedAt = text(batch, "completed_at");
        return Optional.of(new NewEvent(
                EventType.BATCH_COMPLETED,
                connection,
                "batch:" + name + ":" + status + ":" + (completedAt == null ? "" : completedAt),
                null,
                name,
                text(batch, "project"),
                status,
                completedAt,
                source,
                batch));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asString().isEmpty() ? null : v.asString();
    }
}
