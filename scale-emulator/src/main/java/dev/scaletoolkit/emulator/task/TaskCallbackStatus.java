package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.callback.TaskCallbackOutcome;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** Keeps a task's {@code callback_succeeded} in step with its callback's final state. */
public final class TaskCallbackStatus implements TaskCallbackOutcome {
    @Override
    public void settled(Handle h, String taskId, boolean delivered) {
        Optional<ObjectNode> task = TaskStore.find(h, taskId);
        if (task.isPresent()
                && (!task.get().has("callback_succeeded")
                        || task.get().get("callback_succeeded").asBoolean() != delivered)) {
            task.get().put("callback_succeeded", delivered);
            TaskStore.save(h, task.get());
        }
    }
}
