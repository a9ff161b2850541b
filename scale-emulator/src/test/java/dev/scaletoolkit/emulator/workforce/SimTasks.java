package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.ScaleJson;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts tasks straight into the database, as the task routes would store them, so the simulation can be tested
 * without depending on those routes.
 */
public final class SimTasks {
    private SimTasks() {}

    /** A task's wire JSON as stored in {@code tasks.doc}. */
    public static ObjectNode doc(String taskId, String type, String paramsJson, boolean testMode) {
        String now = ScaleTime.format(Instant.now());
        ObjectNode doc = Docs.object();
        doc.put("task_id", taskId);
        doc.put("created_at", now);
        doc.put("updated_at", now);
        doc.put("type", type);
        doc.put("status", "pending");
        doc.put("instruction", "Label what you see.");
        doc.set("params", ScaleJson.mapper().readTree(paramsJson));
        doc.putObject("metadata");
        doc.put("is_test", testMode);
        return doc;
    }

    /** Stores {@code doc} for the account; {@code workDueAt} null leaves it out of the workforce's queue. */
    public static String insert(EmulatorContext context, String accountId, ObjectNode doc, String workDueAt) {
        String id = doc.get("task_id").asString();
        context.db()
                .write(h -> h.createUpdate("INSERT INTO tasks (id, account_id, test_mode, type, status, project,"
                                + " batch, created_at, updated_at, work_due_at, doc) VALUES (:id, :a, :m, :type, 'pending',"
                                + " :project, :batch, :now, :now, :due, :doc)")
                        .bind("id", id)
                        .bind("a", accountId)
                        .bind("m", doc.path("is_test").asBoolean(false) ? 1 : 0)
                        .bind("type", doc.get("type").asString())
                        .bind(
                                "project",
                                doc.hasNonNull("project") ? doc.get("project").asString() : null)
                        .bind(
                                "batch",
                                doc.hasNonNull("batch") ? doc.get("batch").asString() : null)
                        .bind("now", doc.get("created_at").asString())
                        .bind("due", workDueAt)
                        .bind("doc", Docs.write(doc))
                        .execute());
        return id;
    }

    /** Due now: the workforce may take it on its next poll. */
    public static String insertDue(EmulatorContext context, String accountId, ObjectNode doc) {
        return insert(context, accountId, doc, context.now());
    }

    /** The stored task, read back from the database. */
    public static ObjectNode load(EmulatorContext context, String taskId) {
        return context.db()
                .read(h -> h.createQuery("SELECT doc FROM tasks WHERE id = :id")
                        .bind("id", taskId)
                        .mapTo(String.class)
                        .map(Docs::read)
                        .one());
    }

    public static String status(EmulatorContext context, String taskId) {
        return load(context, taskId).get("status").asString();
    }
}
