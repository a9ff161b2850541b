package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.bulk.BulkItemResult;
import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import dev.scaletoolkit.client.bulk.CheckpointMismatchException;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scale tasks bulk FILE.jsonl}: the SDK's resumable bulk submitter. Each finished line is recorded in a
 * checkpoint beside the file; every line carries a unique_id (its own or one made from its content), so running
 * the command again after a crash creates what is missing and nothing twice.
 */
@Command(
        name = "bulk",
        mixinStandardHelpOptions = true,
        description = {
            "Create one task per line of a JSONL file (each line: the task body plus \"type\").",
            "Safe to run again after a crash or Ctrl-C: finished lines are recorded in FILE.checkpoint",
            "beside the file and skipped, and unique_ids stop a line from making a second task.",
            "Exit code 0 when every line has a task, 1 when some failed (run it again to retry them)."
        },
        footer = {
            "",
            "Line format:",
            "  {\"type\":\"imageannotation\",\"project\":\"cats\",\"attachment\":\"https://example.com/1.jpg\",\"unique_id\":\"cat-1\"}",
            "",
            "Examples:",
            "  ./scale tasks bulk cats.jsonl --concurrency 16",
            "  ./scale tasks bulk photos.jsonl --derive-unique-ids",
            "  ./scale tasks bulk cats.jsonl --output jsonl --fields index,task_id"
        })
final class TaskBulkCommand extends SdkCommand {
    @Parameters(paramLabel = "FILE.jsonl", description = "The tasks, one JSON object per line.")
    Path file;

    @Option(
            names = "--concurrency",
            defaultValue = "8",
            description = "Most requests in flight (default: ${DEFAULT-VALUE}); halved on 429, grown back after.")
    int concurrency;

    @Option(
            names = "--checkpoint",
            paramLabel = "FILE",
            description = "Where finished lines are recorded (default: FILE.jsonl.checkpoint beside the input).")
    Path checkpoint;

    @Option(
            names = "--derive-unique-ids",
            description = "Give lines without a unique_id one made from their content (identical lines then make"
                    + " one task). Without it such lines are refused before anything is sent.")
    boolean deriveUniqueIds;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        items(); // a missing file or a bad line is a usage error, found before any Scale is chosen
        return super.call();
    }

    private List<TaskCreateParams> items() {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--concurrency must be between 1 and 256, got " + concurrency);
        }
        try {
            return BulkSubmitter.readJsonl(file);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    Path checkpointFile() {
        return checkpoint != null ? checkpoint : file.resolveSibling(file.getFileName() + ".checkpoint");
    }

    @Override
    int run(Target target) {
        List<TaskCreateParams> items = items();
        Path ckpt = checkpointFile();
        long[] earlier = {-1};
        Progress progress;
        BulkReport report;
        Progress[] bar = {null};
        BulkSubmitter.Builder builder = BulkSubmitter.builder(target.client().tasks());
        if (deriveUniqueIds) {
            builder.deriveUniqueIds();
        }
        BulkSubmitter submitter = builder.concurrency(concurrency)
                .checkpoint(ckpt)
                .progress(p -> {
                    synchronized (bar) {
                        if (bar[0] == null) {
                            // the first report counts earlier runs' lines plus this one
                            earlier[0] = Math.max(0, p.done() - 1);
                            bar[0] = Progress.start(
                                    ScaleCli.terminal(spec),
                                    spec.commandLine().getErr(),
                                    "bulk",
                                    p.total(),
                                    earlier[0],
                                    System::currentTimeMillis);
                        }
                        bar[0].update(p.done(), p.failed());
                    }
                })
                .build();
        note("scale tasks bulk: " + items.size() + " lines from " + file + ", checkpoint " + ckpt);
        try {
            report = submitter.submit(items);
        } catch (IllegalArgumentException | CheckpointMismatchException e) {
            // refused before anything was sent: a line without unique_id, or a checkpoint of another file
            String hint = e instanceof IllegalArgumentException ? " (or add --derive-unique-ids)" : "";
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + hint);
        }
        synchronized (bar) {
            progress = bar[0];
        }
        if (progress != null) {
            progress.close();
        }
        printReport(report, ckpt);
        return report.complete() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void printReport(BulkReport report, Path ckpt) {
        ArrayNode items = ScaleJson.mapper().createArrayNode();
        for (BulkItemResult r : report.items()) {
            ObjectNode n = items.addObject();
            n.put("index", r.index());
            n.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            if (r.taskId() != null) {
                n.put("task_id", r.taskId());
            }
            n.put("unique_id", r.uniqueId());
            if (r.error() != null) {
                n.put("error", r.error());
            }
        }
        note(String.format(
                Locale.ROOT,
                "scale tasks bulk: %d created, %d already existed, %d done in an earlier run, %d failed",
                report.count(BulkItemResult.Outcome.CREATED),
                report.count(BulkItemResult.Outcome.ALREADY_EXISTED),
                report.count(BulkItemResult.Outcome.DONE_IN_EARLIER_RUN),
                report.count(BulkItemResult.Outcome.FAILED)));
        OutputOptions.Format format = output.effective(spec, false);
        if (format == OutputOptions.Format.JSON) {
            ObjectNode summary = ScaleJson.mapper().createObjectNode();
            summary.put("total", report.items().size());
            for (BulkItemResult.Outcome o : BulkItemResult.Outcome.values()) {
                summary.put(o.name().toLowerCase(Locale.ROOT), report.count(o));
            }
            summary.put("complete", report.complete());
            summary.put("checkpoint", ckpt.toString());
            summary.set("items", items);
            new RecordPrinter(format, null, List.of(), List.of("task_id"), false)
                    .print(summary, spec.commandLine().getOut());
            return;
        }
        new RecordPrinter(
                        format,
                        output.fields,
                        List.of("index", "outcome", "task_id", "unique_id", "error"),
                        List.of("task_id", "unique_id"),
                        ScaleCli.colour(spec))
                .print(items, spec.commandLine().getOut());
    }
}
