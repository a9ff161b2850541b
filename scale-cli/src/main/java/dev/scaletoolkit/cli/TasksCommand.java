package dev.scaletoolkit.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale tasks list|get|cancel}: the task tools agents use, as commands. */
@Command(
        name = "tasks",
        mixinStandardHelpOptions = true,
        description = "Create, list, show, wait for, cancel, bulk-create and export tasks.")
final class TasksCommand extends ToolBackedCommand.Group implements LazyGroup {

    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                TasksCommand.ListTasks.class,
                TasksCommand.Get.class,
                TaskCreateCommand.class,
                TaskWaitCommand.class,
                TasksCommand.Cancel.class,
                TaskBulkCommand.class,
                TaskExportCommand.class);
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List tasks, newest first, as short summaries (--full for whole records). Prints {docs, next_token}; pass next_token to --next-token for the next page. Calls SCALE_AI_LIST_TASKS.",
            footer = {"", "Example:", "  ./scale tasks list --project cats --status completed --status error --limit 20"
            })
    static final class ListTasks extends ToolBackedCommand {
        @Option(names = "--project", description = "Only tasks of this project.")
        String project;

        @Option(names = "--batch", description = "Only tasks of this batch.")
        String batch;

        @Option(names = "--type", description = "Only tasks of this type, e.g. imageannotation.")
        String type;

        @Option(
                names = "--status",
                paramLabel = "STATUS",
                description = "pending, completed, canceled or error; repeat for several.")
        List<String> status;

        @Option(
                names = "--review-status",
                paramLabel = "STATUS",
                description = "Customer review status: pending, accepted, fixed, commented or rejected; repeatable.")
        List<String> reviewStatus;

        @Option(names = "--tag", paramLabel = "TAG", description = "Only tasks with this tag; repeatable.")
        List<String> tags;

        @Option(
                names = "--unique-id",
                paramLabel = "ID",
                description = "Only the task with this unique_id; repeatable.")
        List<String> uniqueIds;

        @Option(names = "--created-after", paramLabel = "TIME", description = "Created at or after (ISO 8601).")
        String createdAfter;

        @Option(names = "--created-before", paramLabel = "TIME", description = "Created at or before (ISO 8601).")
        String createdBefore;

        @Option(names = "--updated-after", paramLabel = "TIME", description = "Updated at or after (ISO 8601).")
        String updatedAfter;

        @Option(names = "--updated-before", paramLabel = "TIME", description = "Updated at or before (ISO 8601).")
        String updatedBefore;

        @Option(names = "--completed-after", paramLabel = "TIME", description = "Completed at or after (ISO 8601).")
        String completedAfter;

        @Option(names = "--completed-before", paramLabel = "TIME", description = "Completed at or before (ISO 8601).")
        String completedBefore;

        @Option(names = "--limit", description = "Page size, 1 to 100 (default 100).")
        Integer limit;

        @Option(names = "--next-token", paramLabel = "TOKEN", description = "next_token from the previous page.")
        String nextToken;

        @Option(names = "--full", description = "Whole task records instead of summaries.")
        boolean full;

        @Override
        String tool() {
            return "SCALE_AI_LIST_TASKS";
        }

        @Override
        boolean listing() {
            return true;
        }

        @Override
        java.util.List<String> columns() {
            return java.util.List.of("task_id", "type", "status", "project", "batch", "created_at");
        }

        @Override
        ObjectNode arguments() {
            ObjectNode a = args();
            put(a, "project", project);
            put(a, "batch", batch);
            put(a, "type", type);
            put(a, "status", status);
            put(a, "customer_review_status", reviewStatus);
            put(a, "tags", tags);
            put(a, "unique_id", uniqueIds);
            put(a, "start_time", createdAfter);
            put(a, "end_time", createdBefore);
            put(a, "updated_after", updatedAfter);
            put(a, "updated_before", updatedBefore);
            put(a, "completed_after", completedAfter);
            put(a, "completed_before", completedBefore);
            put(a, "limit", limit);
            put(a, "next_token", nextToken);
            flag(a, "full", full);
            return a;
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Show one task, with its response when it is completed. Calls SCALE_AI_GET_TASK.",
            footer = {"", "Example:", "  ./scale tasks get 5f1e8b2c9d3a4e0012345678"})
    static final class Get extends ToolBackedCommand {
        @Parameters(paramLabel = "TASK_ID", description = "The 24-hex task id.")
        String taskId;

        @Override
        String tool() {
            return "SCALE_AI_GET_TASK";
        }

        @Override
        ObjectNode arguments() {
            return args().put("task_id", taskId);
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description =
                    "Cancel a task that is still pending; completed tasks cannot be canceled. Prints the canceled task. Calls SCALE_AI_CANCEL_TASK.",
            footer = {"", "Example:", "  ./scale tasks cancel 5f1e8b2c9d3a4e0012345678 --clear-unique-id"})
    static final class Cancel extends ToolBackedCommand {
        @Parameters(paramLabel = "TASK_ID", description = "The 24-hex task id.")
        String taskId;

        @Option(names = "--clear-unique-id", description = "Also release its unique_id for reuse.")
        boolean clearUniqueId;

        @Override
        String tool() {
            return "SCALE_AI_CANCEL_TASK";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode a = args().put("task_id", taskId);
            flag(a, "clear_unique_id", clearUniqueId);
            return a;
        }
    }
}
