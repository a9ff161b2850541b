package dev.scaletoolkit.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale batches list|get|create|finalize|status}: the batch tools agents use, as commands. */
@Command(
        name = "batches",
        mixinStandardHelpOptions = true,
        description = "List, show, create, finalize and wait for batches, and count their tasks.")
final class BatchesCommand extends ToolBackedCommand.Group implements LazyGroup {

    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                BatchesCommand.ListBatches.class,
                BatchesCommand.Get.class,
                BatchesCommand.Create.class,
                BatchesCommand.Finalize.class,
                BatchesCommand.Status.class,
                BatchWaitCommand.class);
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List batches, newest first, as short summaries (--full for whole records). Page with --offset. Calls SCALE_AI_LIST_BATCHES.",
            footer = {"", "Example:", "  ./scale batches list --project cats --status in_progress --detailed"})
    static final class ListBatches extends ToolBackedCommand {
        @Option(names = "--project", description = "Only batches of this project.")
        String project;

        @Option(names = "--status", description = "staging, in_progress or completed.")
        String status;

        @Option(names = "--created-after", paramLabel = "TIME", description = "Created at or after (ISO 8601).")
        String createdAfter;

        @Option(names = "--created-before", paramLabel = "TIME", description = "Created at or before (ISO 8601).")
        String createdBefore;

        @Option(names = "--detailed", description = "Include task counts per batch.")
        boolean detailed;

        @Option(names = "--limit", description = "Page size, 1 to 100.")
        Integer limit;

        @Option(names = "--offset", description = "Batches to skip.")
        Integer offset;

        @Option(names = "--full", description = "Whole batch records instead of summaries.")
        boolean full;

        @Override
        String tool() {
            return "SCALE_AI_LIST_BATCHES";
        }

        @Override
        boolean listing() {
            return true;
        }

        @Override
        java.util.List<String> columns() {
            return java.util.List.of("name", "project", "status", "created_at");
        }

        @Override
        ObjectNode arguments() {
            ObjectNode a = args();
            put(a, "project", project);
            put(a, "status", status);
            put(a, "start_time", createdAfter);
            put(a, "end_time", createdBefore);
            flag(a, "detailed", detailed);
            put(a, "limit", limit);
            put(a, "offset", offset);
            flag(a, "full", full);
            return a;
        }
    }

    /** The commands that take one batch name and pass it as {@code batch_name}. */
    abstract static class ByName extends ToolBackedCommand {
        @Parameters(paramLabel = "NAME", description = "Batch name.")
        String name;

        @Override
        ObjectNode arguments() {
            return args().put("batch_name", name);
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Show one batch. Calls SCALE_AI_GET_BATCH.",
            footer = {"", "Example:", "  ./scale batches get cats-week-1"})
    static final class Get extends ByName {
        @Override
        String tool() {
            return "SCALE_AI_GET_BATCH";
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Create a batch in a project. Tasks created with --batch NAME join it until it is finalized. Calls SCALE_AI_CREATE_BATCH.",
            footer = {"", "Example:", "  ./scale batches create cats-week-1 --project cats --metadata '{\"week\":1}'"})
    static final class Create extends ToolBackedCommand {
        @Parameters(paramLabel = "NAME", description = "Batch name, unique in the account.")
        String name;

        @Option(names = "--project", required = true, description = "Project the batch belongs to.")
        String project;

        @Option(
                names = "--callback",
                paramLabel = "URL",
                description = "http(s) URL or email told when the batch completes.")
        String callback;

        @Option(names = "--metadata", paramLabel = "JSON", description = "Your own JSON object stored with the batch.")
        String metadata;

        @Option(names = "--calibration", description = "Rapid only: a calibration batch.")
        boolean calibration;

        @Option(names = "--self-label", description = "Rapid only: a self-label batch.")
        boolean selfLabel;

        @Override
        String tool() {
            return "SCALE_AI_CREATE_BATCH";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode a = args().put("name", name).put("project", project);
            put(a, "callback", callback);
            putJson(a, "metadata", "--metadata", metadata);
            flag(a, "calibration_batch", calibration);
            flag(a, "self_label_batch", selfLabel);
            return a;
        }
    }

    @Command(
            name = "finalize",
            mixinStandardHelpOptions = true,
            description =
                    "Close a staging batch to new tasks and send it to labeling (Rapid and Studio projects). Calls SCALE_AI_FINALIZE_BATCH.",
            footer = {"", "Example:", "  ./scale batches finalize cats-week-1"})
    static final class Finalize extends ByName {
        @Override
        String tool() {
            return "SCALE_AI_FINALIZE_BATCH";
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description =
                    "Show a batch's status and how many of its tasks are pending, completed, errored or canceled. Calls SCALE_AI_GET_BATCH_STATUS.",
            footer = {"", "Example:", "  ./scale batches status cats-week-1"})
    static final class Status extends ByName {
        @Override
        String tool() {
            return "SCALE_AI_GET_BATCH_STATUS";
        }
    }
}
