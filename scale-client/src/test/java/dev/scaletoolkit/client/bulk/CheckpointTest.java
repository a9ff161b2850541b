package dev.scaletoolkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint whose last write was cut short by a killed process still resumes, and keeps what comes next. */
class CheckpointTest {

    private static BulkItemResult created(int index, String uniqueId) {
        return new BulkItemResult(index, BulkItemResult.Outcome.CREATED, "task" + index, uniqueId, null);
    }

    /** Writes two whole records, then the first {@code cut(record)} bytes of a third, as a kill mid-write leaves it. */
    private static Path tornFile(Path dir, String thirdUniqueId, ToIntFunction<byte[]> cut) throws Exception {
        Path file = dir.resolve("run.ckpt.jsonl");
        try (Checkpoint log = Checkpoint.open(file)) {
            log.record(created(0, "u0"));
            log.record(created(1, "u1"));
        }
        Path whole = dir.resolve("whole.jsonl");
        try (Checkpoint log = Checkpoint.open(whole)) {
            log.record(created(2, thirdUniqueId));
        }
        byte[] third = Files.readAllBytes(whole);
        Files.write(file, Arrays.copyOf(third, cut.applyAsInt(third)), StandardOpenOption.APPEND);
        return file;
    }

    @Test
    void aTornLastLineIsIgnoredAndTheItemIsLeftToBeSentAgain(@TempDir Path dir) throws Exception {
        Path file = tornFile(dir, "u2", b -> b.length - 5);

        Map<String, String> done = Checkpoint.read(file).taskIdByUniqueId();

        assertThat(done.keySet()).containsExactlyInAnyOrder("u0", "u1");
        assertThat(done.get("u1")).isEqualTo("task1");
    }

    @Test
    void aWriteCutInsideAMultiByteCharacterDoesNotMakeTheFileUnreadable(@TempDir Path dir) throws Exception {
        String uniqueId = "café-42";
        // cut right after the first of the two bytes of 'é'
        byte firstByteOfE = "é".getBytes(StandardCharsets.UTF_8)[0];
        Path file = tornFile(dir, uniqueId, b -> {
            int at = 0;
            while (b[at] != firstByteOfE) {
                at++;
            }
            return at + 1;
        });

        assertThat(Checkpoint.read(file).taskIdByUniqueId().keySet()).containsExactlyInAnyOrder("u0", "u1");
    }

    @Test
    void aRecordWrittenAfterATornLineIsKeptOnItsOwnLine(@TempDir Path dir) throws Exception {
        Path file = tornFile(dir, "u2", b -> b.length / 2);

        // the resumed run sends item 2 again and records it, then later items
        try (Checkpoint log = Checkpoint.open(file)) {
            log.record(created(2, "u2"));
            log.record(created(3, "u3"));
        }

        Map<String, String> done = Checkpoint.read(file).taskIdByUniqueId();
        assertThat(done.keySet()).containsExactlyInAnyOrder("u0", "u1", "u2", "u3");
        assertThat(Files.readString(file)).endsWith("\n");
    }

    @Test
    void aWholeRecordMissingOnlyItsNewlineStillCounts(@TempDir Path dir) throws Exception {
        Path file = tornFile(dir, "u2", b -> b.length - 1);

        try (Checkpoint log = Checkpoint.open(file)) {
            log.record(created(3, "u3"));
        }

        assertThat(Checkpoint.read(file).taskIdByUniqueId().keySet()).containsExactlyInAnyOrder("u0", "u1", "u2", "u3");
    }

    @Test
    void anInterruptedWorkerStillRecordsAndDoesNotCloseTheFileForTheOthers(@TempDir Path dir) {
        Path file = dir.resolve("run.ckpt.jsonl");
        try (Checkpoint log = Checkpoint.open(file)) {
            // stop() interrupts workers; one may be between its create and its record
            Thread.currentThread().interrupt();
            try {
                log.record(created(0, "u0"));
            } finally {
                assertThat(Thread.interrupted()).isTrue(); // the flag stays for the worker to see, then is cleared
            }
            log.record(created(1, "u1"));
        }

        assertThat(Checkpoint.read(file).taskIdByUniqueId().keySet()).containsExactlyInAnyOrder("u0", "u1");
    }
}
