package dev.scaletoolkit.client.bulk;

import dev.scaletoolkit.model.ScaleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The append-only record of finished items: one JSON line per item ({@code index}, {@code task_id},
 * {@code unique_id}, {@code status}), forced to disk before the item counts as done. A torn last line (the
 * process died mid-write) is ignored on reading; the item is then simply submitted again, and its unique_id
 * makes that safe.
 */
final class Checkpoint implements AutoCloseable {
    private final FileChannel channel;

    private Checkpoint(FileChannel channel) {
        this.channel = channel;
    }

    static Checkpoint open(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new Checkpoint(FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint " + file, e);
        }
    }

    /** The successful items recorded so far, by index. */
    static Map<Integer, BulkItemResult> read(Path file) {
        Map<Integer, BulkItemResult> done = new HashMap<>();
        if (file == null || !Files.exists(file)) {
            return done;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = ScaleJson.mapper().readTree(line);
                } catch (JacksonException torn) {
                    continue;
                }
                if ("ok".equals(n.path("status").asString())) {
                    int index = n.path("index").asInt();
                    done.put(
                            index,
                            new BulkItemResult(
                                    index,
                                    BulkItemResult.Outcome.DONE_IN_EARLIER_RUN,
                                    n.path("task_id").asString(),
                                    n.path("unique_id").asString(),
                                    null));
                }
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    synchronized void record(BulkItemResult result) {
        ObjectNode line = ScaleJson.mapper().createObjectNode();
        line.put("index", result.index());
        line.put("status", result.succeeded() ? "ok" : "failed");
        line.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (result.taskId() != null) {
            line.put("task_id", result.taskId());
        }
        line.put("unique_id", result.uniqueId());
        if (result.error() != null) {
            line.put("error", result.error());
        }
        byte[] bytes = (ScaleJson.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
