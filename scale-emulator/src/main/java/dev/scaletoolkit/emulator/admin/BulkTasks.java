package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskCreation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /_emulator/tasks/bulk}: loads many tasks in one request and one transaction, for fixtures and the
 * benchmark's million tasks.
 *
 * <pre>{@code
 * {"api_key": "live_…", "tasks": [{"type": "categorization", "project": "kittens", "attachment": "…", …}, …]}
 * }</pre>
 *
 * <p>The key chooses the account and mode, as it would on {@code /v1}. Each task is a create body plus its
 * {@code type}, checked, placed and stored exactly as {@code POST /v1/task/{type}} would; the answer lists the new
 * ids in order: {@code {"task_ids": [...]}}. All tasks are written or none.
 */
final class BulkTasks {
    /** Bounds one request (and so one transaction, which holds the single writer while it runs). */
    static final int MAX_TASKS = 1000;

    private final Accounts accounts;
    private final TaskCreation creation;

    BulkTasks(Accounts accounts, TaskCreation creation) {
        this.accounts = accounts;
        this.creation = creation;
    }

    ObjectNode create(ObjectNode body) {
        Caller caller = accounts.authenticate(Fields.requireString(body, "api_key"));
        JsonNode tasks = body.get("tasks");
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            throw ApiError.invalidParam("tasks", "must be a non-empty array of task objects");
        }
        if (tasks.size() > MAX_TASKS) {
            throw ApiError.invalidParam(
                    "tasks", "holds " + tasks.size() + " tasks; send at most " + MAX_TASKS + " per request");
        }
        List<TaskCreation.Item> items = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            if (!(tasks.get(i) instanceof ObjectNode task)) {
                throw ApiError.invalidParam("tasks[" + i + "]", "must be an object, got " + Fields.kind(tasks.get(i)));
            }
            ObjectNode createBody = task.deepCopy();
            JsonNode type = createBody.remove("type");
            if (type == null || !type.isString() || type.asString().isBlank()) {
                throw ApiError.invalidParam("tasks[" + i + "].type", "must name a task type, e.g. \"categorization\"");
            }
            items.add(new TaskCreation.Item(type.asString(), createBody));
        }
        ObjectNode out = Docs.object();
        creation.createAll(caller, items).forEach(out.putArray("task_ids")::add);
        return out;
    }
}
