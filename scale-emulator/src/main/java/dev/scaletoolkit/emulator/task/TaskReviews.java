package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.AccountStore;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.quality.AuditStore;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a customer does with a finished task: audit it, ask for its callback again, fetch its large results from
 * a secure response URL.
 */
public final class TaskReviews {
    private final EmulatorContext context;

    public TaskReviews(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Accepts or rejects a completed task: appends an entry to its {@code audits}, sets its
     * {@code customer_review_status}, records the audit and queues a callback when the task has a callback URL.
     */
    public void audit(Caller caller, String taskId, ObjectNode body) {
        audit(caller, taskId, body, null);
    }

    /** The same audit made by a named teammate (a manager in the browser); null means the account owner. */
    public void audit(Caller caller, String taskId, ObjectNode body, String auditorEmail) {
        Boolean accepted = Fields.optBool(body, "accepted").orElseThrow(() -> ApiError.missingParam("accepted"));
        Optional<String> comments = Fields.optString(body, "comments");
        context.db().write(h -> {
            ObjectNode task = TaskAccess.require(h, caller, taskId);
            String status = task.path("status").asString();
            if (!status.equals("completed")) {
                throw ApiError.badRequest(
                        "Task " + taskId + " is " + status + "; only completed tasks can be audited.");
            }
            String now = context.now();
            String auditor = auditorEmail != null
                    ? auditorEmail
                    : AccountStore.find(h, caller.accountId()).orElseThrow().email();
            String result = accepted ? "accepted" : "rejected";
            ObjectNode entry = Docs.object();
            entry.put("audited_by", auditor);
            entry.put("audited_at", now);
            // An API audit takes no reviewing time that the emulator could measure.
            entry.put("audit_time_secs", 0);
            entry.put("audit_result", result);
            entry.put("audit_source", "customer");
            comments.ifPresent(c -> entry.put("comments", c));
            ArrayNode audits = task.path("audits").isArray() ? (ArrayNode) task.get("audits") : task.putArray("audits");
            audits.add(entry);
            task.put("customer_review_status", result);
            task.put("updated_at", now);
            TaskStore.save(h, task);

            ObjectNode row = Docs.object();
            String auditId = context.ids().objectId();
            row.put("id", auditId);
            row.put("task_id", taskId);
            entry.properties().forEach(e -> row.set(e.getKey(), e.getValue()));
            AuditStore.insert(h, caller, "customer", result, now, row);
            if (task.hasNonNull("batch")) {
                BatchStore.markAudited(h, caller, task.get("batch").asString(), now);
            }
            if (task.hasNonNull("callback_url")) {
                TaskEdits.enqueueTaskCallback(h, context, caller, task);
            }
            return null;
        });
    }

    /**
     * Queues the task's callback again, with the same body as the original delivery. Scale's answer to this call
     * is not documented anywhere public; this one says what was queued.
     */
    public ObjectNode resendCallback(Caller caller, String taskId) {
        return context.db().write(h -> {
            ObjectNode task = TaskAccess.require(h, caller, taskId);
            String status = task.path("status").asString();
            if (!status.equals("completed") && !status.equals("error")) {
                throw ApiError.badRequest("Task " + taskId + " is " + status
                        + "; only completed or errored tasks have a callback to send again.");
            }
            if (!task.hasNonNull("callback_url")
                    || task.get("callback_url").asString().isBlank()) {
                throw ApiError.badRequest("Task " + taskId + " has no callback_url to send a callback to.");
            }
            String deliveryId = TaskEdits.enqueueTaskCallback(h, context, caller, task);
            ObjectNode out = Docs.object();
            out.put("task_id", taskId);
            out.put("callback_url", task.get("callback_url").asString());
            out.put("callback_id", deliveryId);
            out.put("queued", true);
            return out;
        });
    }

    /** The stored large result behind a secure response URL; 404 unless it belongs to the caller's task. */
    public ResponseBlob responseBlob(Caller caller, String taskId, String blobId) {
        return context.db()
                .read(h -> ResponseBlobStore.find(h, caller, taskId, blobId))
                .orElseThrow(() -> ApiError.notFound("No response file " + blobId + " for task " + taskId + "."));
    }
}
