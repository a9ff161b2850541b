package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.callback.CallbackOutbox;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves tasks between states and does what follows from it: the callback to the task's {@code callback_url} (with
 * the account's {@code scale-callback-auth}) and the completion of its batch when it was the batch's last pending
 * task. The workforce, the control plane and the labeling UI all complete tasks through here.
 *
 * <p>The {@code tasks.doc} column holds the task's wire JSON plus internal keys that start with {@code _}
 * (stripped by {@link #wire}); the other columns mirror fields of it.
 */
public final class TaskLifecycle {
    private final EmulatorContext context;

    public TaskLifecycle(EmulatorContext context) {
        this.context = context;
    }

    /** Reads a task's wire JSON inside a transaction, or empty. */
    public static Optional<ObjectNode> load(Handle h, String taskId) {
        return h.createQuery("SELECT doc FROM tasks WHERE id = :id")
                .bind("id", taskId)
                .mapTo(String.class)
                .findOne()
                .map(Docs::read);
    }

    /**
     * Completes a pending task with {@code response}. Returns the updated task, or empty when the task is not
     * pending any more (already completed, canceled or errored), so that two completers never both win.
     */
    public Optional<ObjectNode> complete(Handle h, String taskId, JsonNode response) {
        return finish(h, taskId, "completed", response);
    }

    /** Moves a pending task to {@code error} with {@code details} as its response (an attachment failure). */
    public Optional<ObjectNode> fail(Handle h, String taskId, JsonNode details) {
        return finish(h, taskId, "error", details);
    }

    private Optional<ObjectNode> finish(Handle h, String taskId, String status, JsonNode response) {
        // Claim the task first: only one finisher's conditional update matches, even when several emulator nodes
        // share a PostgreSQL database (the loser waits on the row lock, then sees it is no longer pending).
        int claimed = h.createUpdate("UPDATE tasks SET status = :status WHERE id = :id AND status = 'pending'")
                .bind("status", status)
                .bind("id", taskId)
                .execute();
        if (claimed == 0) {
            return Optional.empty();
        }
        Optional<ObjectNode> loaded = load(h, taskId);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode task = loaded.get();
        String accountId = accountOf(h, taskId);
        boolean testMode = task.path("is_test").asBoolean(false);
        if (status.equals("completed")) {
            response = ResponseBlobs.externalize(h, context, accountId, testMode, task, response);
        }
        String now = context.now();
        task.put("status", status);
        task.set("response", response);
        task.put("updated_at", now);
        if (status.equals("completed")) {
            task.put("completed_at", now);
        }
        if (status.equals("error") && task.path("_clear_unique_id_on_error").asBoolean(false)) {
            task.remove("unique_id");
        }
        boolean hasCallback = task.hasNonNull("callback_url");
        if (hasCallback) {
            // Scale sets this once a delivery gets a 2xx; until then it reads false.
            task.put("callback_succeeded", false);
        }
        save(h, task);
        if (hasCallback) {
            ObjectNode body = Docs.object();
            body.set("task", wire(task));
            body.set("response", response);
            body.put("task_id", taskId);
            body.put("status", status);
            CallbackOutbox.enqueue(
                    h,
                    context,
                    accountId,
                    testMode,
                    taskId,
                    null,
                    task.path("callback_url").asString(),
                    body);
        }
        if (task.hasNonNull("batch")) {
            completeBatchIfDone(h, accountId, testMode, task.path("batch").asString());
        }
        return Optional.of(task);
    }

    /** The task as clients see it: a copy without the internal {@code _} keys. */
    public static ObjectNode wire(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.propertyNames().stream().filter(k -> k.startsWith("_")).toList().forEach(copy::remove);
        return copy;
    }

    /** Writes the task's JSON and mirrors its indexed fields; {@code tags} mirror into {@code task_tags}. */
    public static void save(Handle h, ObjectNode task) {
        String id = task.path("task_id").asString();
        h.createUpdate("UPDATE tasks SET status = :status, unique_id = :uid, customer_review_status = :crs,"
                        + " updated_at = :updated, completed_at = :completed, doc = :doc,"
                        + " work_due_at = CASE WHEN :status = 'pending' THEN work_due_at ELSE NULL END"
                        + " WHERE id = :id")
                .bind("status", task.path("status").asString())
                .bind(
                        "uid",
                        task.hasNonNull("unique_id") ? task.get("unique_id").asString() : null)
                .bind(
                        "crs",
                        task.hasNonNull("customer_review_status")
                                ? task.get("customer_review_status").asString()
                                : null)
                .bind("updated", task.path("updated_at").asString())
                .bind(
                        "completed",
                        task.hasNonNull("completed_at")
                                ? task.get("completed_at").asString()
                                : null)
                .bind("doc", Docs.write(task))
                .bind("id", id)
                .execute();
        h.createUpdate("DELETE FROM task_tags WHERE task_id = :id")
                .bind("id", id)
                .execute();
        for (JsonNode tag : task.path("tags")) {
            h.createUpdate("INSERT INTO task_tags (task_id, tag) VALUES (:id, :tag)")
                    .bind("id", id)
                    .bind("tag", tag.asString())
                    .execute();
        }
    }

    private static String accountOf(Handle h, String taskId) {
        return h.createQuery("SELECT account_id FROM tasks WHERE id = :id")
                .bind("id", taskId)
                .mapTo(String.class)
                .one();
    }

    /**
     * Completes the task's batch when it has no pending task left, for a task that left {@code pending} without
     * finishing (a cancel); {@link #complete} and {@link #fail} do this themselves.
     */
    public void settleBatch(Handle h, String accountId, boolean testMode, String batchName) {
        completeBatchIfDone(h, accountId, testMode, batchName);
    }

    /** An in-progress batch with no pending task left becomes completed and calls its callback. */
    private void completeBatchIfDone(Handle h, String accountId, boolean testMode, String batchName) {
        int mode = testMode ? 1 : 0;
        int pending = h.createQuery("SELECT COUNT(*) FROM tasks WHERE account_id = :a AND test_mode = :m"
                        + " AND batch = :b AND status = 'pending'")
                .bind("a", accountId)
                .bind("m", mode)
                .bind("b", batchName)
                .mapTo(Integer.class)
                .one();
        if (pending > 0) {
            return;
        }
        Optional<String> doc = h.createQuery("SELECT doc FROM batches WHERE account_id = :a AND test_mode = :m"
                        + " AND name = :b AND status = 'in_progress'")
                .bind("a", accountId)
                .bind("m", mode)
                .bind("b", batchName)
                .mapTo(String.class)
                .findOne();
        if (doc.isEmpty()) {
            return;
        }
        ObjectNode batch = Docs.read(doc.get());
        String now = context.now();
        batch.put("status", "completed");
        batch.put("completed_at", now);
        batch.put("updated_at", now);
        h.createUpdate("UPDATE batches SET status = 'completed', completed_at = :now, updated_at = :now, doc = :doc"
                        + " WHERE account_id = :a AND test_mode = :m AND name = :b")
                .bind("now", now)
                .bind("doc", Docs.write(batch))
                .bind("a", accountId)
                .bind("m", mode)
                .bind("b", batchName)
                .execute();
        if (batch.hasNonNull("callback") && !batch.get("callback").asString().isBlank()) {
            ObjectNode body = Docs.object();
            body.set("batch", batch.deepCopy());
            body.put("batch_name", batchName);
            body.put("status", "completed");
            CallbackOutbox.enqueue(
                    h,
                    context,
                    accountId,
                    testMode,
                    null,
                    batchName,
                    batch.get("callback").asString(),
                    body);
        }
    }
}
