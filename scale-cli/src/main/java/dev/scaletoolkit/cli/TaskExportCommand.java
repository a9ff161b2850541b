package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.export.CocoWriter;
import dev.scaletoolkit.client.export.TaskExporter;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.task.TaskStatus;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scale tasks export}: completed tasks of a project or batch, as JSONL or COCO, streamed page by page. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the completed tasks of a project (or a batch) with their responses.",
            "jsonl: one task per line, every field kept. coco: the box and polygon annotations as COCO JSON.",
            "Written to --file atomically (a temporary file renamed at the end), else to standard output."
        },
        footer = {
            "",
            "Examples:",
            "  ./scale tasks export --project cats --format jsonl --file cats.jsonl",
            "  ./scale tasks export --project cats --format coco --file cats-coco.json"
        })
final class TaskExportCommand extends SdkCommand {
    /** The export formats. */
    enum Format {
        JSONL,
        COCO
    }

    static final class FormatConverter extends Suggest.EnumConverter<Format> {
        FormatConverter() {
            super(Format.class);
        }
    }

    @CommandLine.ArgGroup(multiplicity = "1")
    Scope scope;

    static final class Scope {
        @Option(names = "--project", required = true, description = "Export this project's tasks.")
        String project;

        @Option(names = "--batch", required = true, description = "Export this batch's tasks.")
        String batch;
    }

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            converter = FormatConverter.class,
            description = "jsonl or coco (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--file", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path file;

    @Override
    int run(Target target) throws Exception {
        TaskListParams filter = scope.project != null
                ? TaskExporter.completedInProject(scope.project)
                : TaskExporter.completedInBatch(scope.batch);
        TaskExporter exporter = new TaskExporter(target.client().tasks());
        long count;
        if (file != null) {
            count = format == Format.JSONL ? exporter.toJsonl(filter, file) : exporter.toCoco(filter, file);
        } else if (format == Format.JSONL) {
            count = exporter.toJsonl(filter, spec.commandLine().getOut());
        } else {
            CocoWriter coco = new CocoWriter();
            target.client().tasks().listAutoPaging(filter).forEach(coco::add);
            spec.commandLine()
                    .getOut()
                    .println(ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(coco.toJson()));
            spec.commandLine().getOut().flush();
            count = coco.imageCount();
        }
        note("scale tasks export: " + count + (format == Format.COCO ? " images" : " tasks")
                + (file == null ? "" : " written to " + file) + " (only " + TaskStatus.COMPLETED.value() + " tasks)");
        return ExitCodes.OK;
    }
}
