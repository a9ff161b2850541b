package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.model.ScaleTime;
import dev.scaletoolkit.model.jackson.ScaleJson;
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
        Caller owner = new Caller(accountId, doc.path("is_test").asBoolean(false));
        context.db().write(h -> {
            TaskStore.insert(h, owner, doc, workDueAt);
            return null;
        });
        return id;
    }

    /** Due now: the workforce may take it on its next poll. */
    public static String insertDue(EmulatorContext context, String accountId, ObjectNode doc) {
        return insert(context, accountId, doc, context.now());
    }

    /** The stored task, read back from the database. */
    public static ObjectNode load(EmulatorContext context, String taskId) {
        return context.db().read(h -> TaskStore.find(h, taskId).orElseThrow());
    }

    public static String status(EmulatorContext context, String taskId) {
        return load(context, taskId).get("status").asString();
    }
}
