package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.task.TaskLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place the UI finishes a task. It goes through the same completion as the control plane's
 * {@code POST /_emulator/tasks/{id}/complete} (task, batch and callback outbox in one transaction), then wakes the
 * callback dispatcher so the delivery leaves at once.
 */
final class TaskSubmission {
    private final EmulatorContext context;
    private final Runnable wakeCallbacks;

    TaskSubmission(EmulatorContext context, Runnable wakeCallbacks) {
        this.context = context;
        this.wakeCallbacks = wakeCallbacks;
    }

    /** Completes a pending task with a labeler's response; refuses when someone finished it first. */
    ObjectNode complete(String taskId, JsonNode response) {
        ObjectNode done = context.db()
                .write(h -> new TaskLifecycle(context).complete(h, taskId, response))
                .orElseThrow(() ->
                        new WebError(409, "This task is no longer pending: someone else finished or canceled it."));
        wakeCallbacks.run();
        return TaskLifecycle.wire(done);
    }
}
