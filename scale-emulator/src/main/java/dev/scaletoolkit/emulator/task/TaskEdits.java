package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.callback.CallbackStore;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to an existing task: cancel, tags, metadata, unique_id. Each runs in one transaction, stamps
 * {@code updated_at}, writes through {@link TaskStore#save} and returns the task's wire JSON.
 */
public final class TaskEdits {
    /** How a tags call combines the task's tags with the ones in the body. */
    public enum TagOp {
        ADD,
        REPLACE,
        REMOVE
    }

    private final EmulatorContext context;
    private final BatchSettlement batches;

    public TaskEdits(EmulatorContext context, BatchSettlement batches) {
        this.context = context;
        this.batches = batches;
    }

    /** Cancels a pending task; a canceled one stays canceled (200 again), a finished one is a 400. */
    public ObjectNode cancel(Caller caller, String taskId, boolean clearUniqueId) {
        return edit(caller, taskId, (h, task) -> {
            String status = task.path("status").asString();
            if (!status.equals("pending") && !status.equals("canceled")) {
                throw ApiError.badRequest("Task " + taskId + " is " + status
                        + " and cannot be canceled; only pending tasks can be canceled.");
            }
            boolean changed = false;
            if (clearUniqueId && task.has("unique_id")) {
                task.remove("unique_id");
                changed = true;
            }
            if (status.equals("pending")) {
                // Conditional: a completion on another node may have got there first.
                if (!TaskStore.move(h, taskId, "pending", "canceled")) {
                    String now =
                            TaskStore.row(h, taskId).map(TaskStore.Row::status).orElse("gone");
                    throw ApiError.badRequest("Task " + taskId + " is " + now
                            + " and cannot be canceled; only pending tasks can be canceled.");
                }
                task.put("status", "canceled");
                changed = true;
            }
            if (!changed) {
                return;
            }
            TaskStore.save(h, stamp(task));
            if (status.equals("pending") && task.hasNonNull("batch")) {
                batches.taskFinished(h, caller, task.get("batch").asString(), null);
            }
        });
    }

    /** Adds, replaces or removes tags; the body is a bare JSON array or {@code {"tags": [...]}}. */
    public ObjectNode tags(Caller caller, String taskId, JsonNode body, TagOp op) {
        List<String> given = tagsOf(body);
        return edit(caller, taskId, (h, task) -> {
            LinkedHashSet<String> tags = new LinkedHashSet<>();
            task.path("tags").forEach(t -> tags.add(t.asString()));
            switch (op) {
                case ADD -> tags.addAll(given);
                case REPLACE -> {
                    tags.clear();
                    tags.addAll(given);
                }
                case REMOVE -> given.forEach(tags::remove);
            }
            TaskDraft.checkTagCount(new ArrayList<>(tags));
            if (tags.isEmpty()) {
                task.remove("tags");
            } else {
                ArrayNode array = task.putArray("tags");
                tags.forEach(array::add);
            }
            TaskStore.save(h, stamp(task));
        });
    }

    private static List<String> tagsOf(JsonNode body) {
        if (body.isObject()) {
            if (!Fields.present(body, "tags")) {
                throw ApiError.missingParam("tags");
            }
            return Fields.optStringList(body, "tags").orElse(List.of());
        }
        if (!body.isArray()) {
            throw ApiError.invalidParam("tags", "must be a JSON array of strings, such as [\"tag1\", \"tag2\"]");
        }
        ObjectNode wrapped = Docs.object();
        wrapped.set("tags", body);
        return Fields.optStringList(wrapped, "tags").orElse(List.of());
    }

    /** Replaces the whole metadata object with {@code metadata}. */
    public ObjectNode setMetadata(Caller caller, String taskId, JsonNode metadata) {
        if (!metadata.isObject()) {
            throw ApiError.invalidParam("metadata", "the body must be the new metadata as a JSON object");
        }
        TaskDraft.checkMetadataSize((ObjectNode) metadata);
        return edit(caller, taskId, (h, task) -> {
            task.set("metadata", metadata.deepCopy());
            TaskStore.save(h, stamp(task));
        });
    }

    /** Gives the task a new unique_id; 409 naming the other task when another one holds it. */
    public ObjectNode setUniqueId(Caller caller, String taskId, String uniqueId) {
        try {
            return edit(caller, taskId, (h, task) -> {
                if (uniqueId.equals(task.path("unique_id").asString(null))) {
                    return;
                }
                task.put("unique_id", uniqueId);
                TaskStore.save(h, stamp(task));
            });
        } catch (RuntimeException e) {
            if (!TaskConflicts.isUniqueViolation(e)) {
                throw e;
            }
            Optional<String> holder = context.db().read(h -> TaskStore.holderOfUniqueId(h, caller, uniqueId));
            throw holder.map(id -> TaskConflicts.uniqueIdTaken(uniqueId, id)).orElseThrow(() -> e);
        }
    }

    /** Removes the task's unique_id, freeing it for another task; the key is absent afterwards. */
    public ObjectNode clearUniqueId(Caller caller, String taskId) {
        return edit(caller, taskId, (h, task) -> {
            if (task.remove("unique_id") != null) {
                TaskStore.save(h, stamp(task));
            }
        });
    }

    /** Loads the caller's task, lets {@code change} alter and save it, and answers the task as it is then. */
    private ObjectNode edit(Caller caller, String taskId, BiConsumer<Handle, ObjectNode> change) {
        return context.db().write(h -> {
            ObjectNode task = TaskAccess.require(h, caller, taskId);
            change.accept(h, task);
            return TaskJson.wire(task);
        });
    }

    private ObjectNode stamp(ObjectNode task) {
        task.put("updated_at", context.now());
        return task;
    }

    /** Queues a callback about {@code task} with the body Scale sends on completion. */
    static String enqueueTaskCallback(Handle h, EmulatorContext context, Caller caller, ObjectNode task) {
        ObjectNode body = Docs.object();
        body.set("task", TaskJson.wire(task));
        body.set("response", task.has("response") ? task.get("response").deepCopy() : Docs.object());
        body.put("task_id", task.path("task_id").asString());
        body.put("status", task.path("status").asString());
        return CallbackStore.enqueue(
                h,
                context,
                caller.accountId(),
                caller.testMode(),
                task.path("task_id").asString(),
                null,
                task.path("callback_url").asString(),
                body);
    }
}
