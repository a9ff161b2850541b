package dev.scaletoolkit.client.bulk;

import dev.scaletoolkit.model.json.JsonValue;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The append-only record of finished items, keyed by {@code unique_id}: a header line naming the input (a
 * fingerprint of its unique_ids, in order), then one JSON line per item ({@code unique_id}, {@code task_id},
 * {@code status}, {@code index}), forced to disk before the item counts as done. Keying by unique_id, not by
 * position, means a record can only ever vouch for the very task it names. A torn last line (the
 * process died mid-write) is ignored on reading; the item is then simply submitted again, and its unique_id
 * makes that safe. Opening the file again ends such a fragment with a newline first, so the next record starts
 * on a line of its own instead of being glued to the fragment and lost with it.
 *
 * <p>Writes go through a plain {@link FileOutputStream}, not a {@code FileChannel}: {@code stop()} interrupts the
 * workers, and an interrupt during a channel write closes the channel for every worker, losing the records of
 * items that were already created.
 */
final class Checkpoint implements AutoCloseable {
    private final FileOutputStream out;

    private Checkpoint(FileOutputStream out) {
        this.out = out;
    }

    static Checkpoint open(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            boolean torn = endsMidLine(file);
            Checkpoint checkpoint = new Checkpoint(new FileOutputStream(file.toFile(), true));
            if (torn) {
                // the fragment stays one ignored line instead of swallowing the next record
                checkpoint.write(new byte[] {'\n'});
            }
            return checkpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint " + file, e);
        }
    }

    /**
     * What a checkpoint file holds: the fingerprint of the input it was written for (null in files from before
     * fingerprints), and the successful items by unique_id.
     */
    record Contents(String fingerprint, Integer itemCount, Map<String, String> taskIdByUniqueId) {}

    /** Reads what the file recorded; an absent file records nothing. */
    static Contents read(Path file) {
        Map<String, String> done = new HashMap<>();
        if (file == null || !Files.exists(file)) {
            return new Contents(null, null, done);
        }
        String fingerprint = null;
        Integer itemCount = null;
        try {
            // decoded leniently: a write cut inside a multi-byte character must not make the whole file unreadable
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonValue n;
                try {
                    n = JsonValue.parse(line);
                } catch (IllegalArgumentException torn) {
                    continue;
                }
                if (n.path("input_fingerprint").isString()) {
                    fingerprint = n.path("input_fingerprint").stringValue();
                    itemCount = n.path("items").isNumber() ? n.path("items").asInt(0) : null;
                } else if ("ok".equals(n.path("status").stringValue())
                        && n.path("unique_id").isString()) {
                    done.put(
                            n.path("unique_id").stringValue(), n.path("task_id").stringValue());
                }
            }
            return new Contents(fingerprint, itemCount, done);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    /** Writes the header naming the input this file belongs to. */
    synchronized void header(String fingerprint, int items) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("checkpoint", 2);
        line.put("input_fingerprint", fingerprint);
        line.put("items", items);
        try {
            write((JsonValue.of(line).toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint", e);
        }
    }

    /** True when the file's last byte is not a newline: a write was cut short there. */
    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size == 0) {
                return false;
            }
            in.seek(size - 1);
            return in.read() != '\n';
        }
    }

    synchronized void record(BulkItemResult result) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
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
        byte[] bytes = (JsonValue.of(line).toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint", e);
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.getFD().sync(); // on disk before the item counts as done
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
