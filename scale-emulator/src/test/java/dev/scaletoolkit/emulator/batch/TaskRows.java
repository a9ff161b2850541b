package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes task rows straight into the database, the way the task routes store them, so batch and studio tests can
 * count tasks without depending on task creation.
 */
public final class TaskRows {
    private TaskRows() {}

    public static String insert(TestEmulator scale, Caller caller, String project, String batch, String status) {
        var context = scale.emulator().context();
        String id = context.ids().objectId();
        String now = context.now();
        ObjectNode doc = Docs.object();
        doc.put("task_id", id);
        doc.put("created_at", now);
        doc.put("updated_at", now);
        doc.put("type", "categorization");
        doc.put("status", status);
        doc.putObject("params");
        doc.putObject("metadata");
        doc.put("is_test", caller.testMode());
        doc.put("project", project);
        doc.put("batch", batch);
        context.db()
                .write(h -> h.createUpdate("INSERT INTO tasks (id, account_id, test_mode, type, status, project,"
                                + " batch, created_at, updated_at, completed_at, doc) VALUES (:id, :a, :m, 'categorization',"
                                + " :status, :project, :batch, :now, :now, :completed, :doc)")
                        .bind("id", id)
                        .bind("a", caller.accountId())
                        .bind("m", caller.mode())
                        .bind("status", status)
                        .bind("project", project)
                        .bind("batch", batch)
                        .bind("now", now)
                        .bind("completed", status.equals("completed") ? now : null)
                        .bind("doc", Docs.write(doc))
                        .execute());
        return id;
    }
}
