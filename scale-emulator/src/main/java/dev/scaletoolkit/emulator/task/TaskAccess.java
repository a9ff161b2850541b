package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** Finds a caller's own task; every other case (bad id, other account, other mode) looks like a missing task. */
public final class TaskAccess {
    /** Scale's wording for an unknown task, recorded from the real API. */
    public static final String NOT_FOUND = "Task with that ID not found.";

    private TaskAccess() {}

    /** The task's stored doc (with internal keys), or a 404 in Scale's words. */
    public static ObjectNode require(Handle h, Caller caller, String taskId) {
        return find(h, caller, taskId).orElseThrow(() -> ApiError.notFound(NOT_FOUND));
    }

    public static Optional<ObjectNode> find(Handle h, Caller caller, String taskId) {
        return TaskStore.find(h, caller, taskId);
    }
}
