package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes task rows through the task store, in any status, so batch and studio tests can
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
        doc.putObject("params");
        doc.putObject("metadata");
        doc.put("is_test", caller.testMode());
        doc.put("project", project);
        doc.put("batch", batch);
        doc.put("status", "pending");
        context.db().write(h -> {
            TaskStore.insert(h, caller, doc, null);
            if (!status.equals("pending")) {
                TaskStore.move(h, id, "pending", status);
                doc.put("status", status);
                if (status.equals("completed")) {
                    doc.put("completed_at", now);
                }
                TaskStore.save(h, doc);
            }
            return null;
        });
        return id;
    }
}
