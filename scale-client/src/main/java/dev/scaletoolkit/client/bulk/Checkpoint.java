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
 * {@code status}, {@code index}), handed to the operating system before the item counts as done. Keying by unique_id, not by
 * position, means a record can only ever vouch for the very task it names. A torn last line (the
 * process died mid-write) is ignored on reading; the item is then simply submitted again, and its unique_id
 * makes that safe. Opening the file again ends such a fragment with a newline first, so the next record starts
 * on a line of its own instead of being glued to the fragment and lost with it.
 *
 * <p>Each record is written at once (no buffer in this process), so a killed process (SIGKILL, a crash of the JVM)
 * loses no record. Forcing it to disk ({@code fsync}) is batched: at most every {@link #SYNC_EVERY_NANOS} and on
 * close, so a run is not paced by the disk's sync latency (one fsync per item held the bulk submitter to about 60
 * items/s on a busy disk). What a machine crash can lose is the last fraction of a second of records; those items
 * are submitted again, and their unique_ids make the server answer 409 with the task the first run made
 * ({@code ALREADY_EXISTED}), so the input still ends up as exactly one task per item.
 *
 * <p>Writes go through a plain {@link FileOutputStream}, not a {@code FileChannel}: {@code stop()} interrupts the
 * workers, and an interrupt during a channel write closes the channel for every worker, losing the records of
 * items that were already created.
 */
final class Checkpoint implements AutoCloseable {
    /** The longest a written record waits to be forced to disk while the run goes on. */
    static final long SYNC_EVERY_NANOS = 200_000_000L;

    private final FileOutputStream out;
    private long lastSync = System.nanoTime();

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
            sync();
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

    void record(BulkItemResult result) {
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
            boolean due;
            synchronized (this) {
                write(bytes);
                long now = System.nanoTime();
                due = now - lastSync >= SYNC_EVERY_NANOS;
                if (due) {
                    lastSync = now;
                }
            }
            if (due) {
                sync(); // outside the lock: the other workers keep appending while the disk catches up
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint", e);
        }
    }

    /** One whole line per call, so records of concurrent workers never interleave. */
    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    private void sync() throws IOException {
        out.getFD().sync();
    }

    @Override
    public void close() {
        try {
            sync(); // everything recorded is on disk once the run returns
            out.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
