package dev.scaletoolkit.client.export;

import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.client.task.TaskService;
import dev.scaletoolkit.model.json.RecordCodec;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Streams all completed tasks of a project or batch out of Scale, page by page, so memory stays flat whatever the
 * count: to JSONL (one task per line, every key kept) or to COCO through {@link CocoWriter}.
 */
public final class TaskExporter {
    private final TaskService tasks;

    /**
     * An exporter reading through a task service, with its options.
     *
     * @param tasks the service to list tasks with
     */
    public TaskExporter(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * The filter for the completed tasks of a project.
     *
     * @param project the project name
     * @return the filter
     */
    public static TaskListParams completedInProject(String project) {
        return TaskListParams.builder()
                .project(project)
                .status(TaskStatus.COMPLETED)
                .build();
    }

    /**
     * The filter for the completed tasks of a batch.
     *
     * @param batch the batch name
     * @return the filter
     */
    public static TaskListParams completedInBatch(String batch) {
        return TaskListParams.builder()
                .batch(batch)
                .status(TaskStatus.COMPLETED)
                .build();
    }

    /**
     * Writes each matching task as one JSON line, following every page.
     *
     * @param filter which tasks
     * @param out where the lines go; not closed
     * @return the number of tasks written
     */
    public long toJsonl(TaskListParams filter, Writer out) {
        long[] count = {0};
        each(filter, task -> {
            try {
                out.write(RecordCodec.toJson(task));
                out.write('\n');
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /**
     * Writes a JSONL file atomically: a temporary file renamed at the end, so a failed export leaves no half file.
     *
     * @param filter which tasks
     * @param file the file to write
     * @return the number of tasks written
     */
    public long toJsonl(TaskListParams filter, Path file) {
        return atomically(
                file, out -> toJsonl(filter, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))));
    }

    /**
     * Writes a COCO JSON file of the box and polygon annotations.
     *
     * @param filter which tasks
     * @param file the file to write
     * @return the number of images
     */
    public long toCoco(TaskListParams filter, Path file) {
        return atomically(file, out -> {
            CocoWriter coco = new CocoWriter();
            each(filter, coco::add);
            coco.write(out);
            return coco.imageCount();
        });
    }

    private void each(TaskListParams filter, Consumer<Task> sink) {
        for (Task task : tasks.listAutoPaging(filter)) {
            sink.accept(task);
        }
    }

    private interface Body {
        long write(OutputStream out) throws IOException;
    }

    private static long atomically(Path file, Body body) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            long n = body.write(out);
            out.flush();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
