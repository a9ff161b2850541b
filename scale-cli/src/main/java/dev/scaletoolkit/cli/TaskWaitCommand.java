package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.model.task.Task;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scale tasks wait ID}: polls until the task is completed, canceled or in error. */
@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        description = {
            "Wait until a task is completed, canceled or in error, then print it.",
            "Exit code 0 when it completed, 1 when it ended otherwise or the wait timed out."
        },
        footer = {"", "Example:", "  ./scale tasks wait 5f1e8b2c9d3a4e0012345678 --timeout 10m --output json"})
final class TaskWaitCommand extends WaitCommand<Task> {
    @Parameters(paramLabel = "TASK_ID", description = "The task's id.")
    String taskId;

    @Option(
            names = "--timeout",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "Give up after this long, e.g. 30s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    TaskWaitCommand() {
        super("task_id");
    }

    @Override
    Task waitFor(ScaleClient client) {
        return client.tasks().waitFor(taskId, timeout);
    }

    /** Only a completed task is a success; canceled and error end the wait too, with exit code 1. */
    @Override
    int exitCode(Task task) {
        String status = task.status() == null ? "" : task.status().value();
        if (!"completed".equals(status)) {
            note("scale tasks wait: task " + taskId + " ended " + status);
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
