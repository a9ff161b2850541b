package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.task.TaskCompletion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place the UI finishes a task: the emulator's completion service (task, batch and callback in one
 * transaction, then the dispatcher is woken), with the labeler's email recorded as who answered.
 */
final class TaskSubmission {
    private final TaskCompletion completion;

    TaskSubmission(TaskCompletion completion) {
        this.completion = completion;
    }

    /** Completes a pending task with a labeler's response; refuses when someone finished it first. */
    ObjectNode complete(Viewer viewer, String taskId, JsonNode response) {
        TaskCompletion.Result result = completion.complete(viewer.caller(), taskId, response, viewer.email());
        return switch (result.outcome()) {
            case FINISHED -> result.task().orElseThrow();
            case NOT_FOUND -> throw WebError.notFound("No task " + taskId + " in your team's account.");
            case NOT_PENDING ->
                throw new WebError(409, "This task is no longer pending: someone else finished or canceled it.");
        };
    }
}
