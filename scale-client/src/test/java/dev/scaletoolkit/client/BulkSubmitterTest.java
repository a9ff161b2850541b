package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.client.bulk.BulkItemResult;
import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import dev.scaletoolkit.client.bulk.ContentIds;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.task.TaskType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Bulk submission against the emulator: killed halfway, resumed, and every task exists exactly once. */
class BulkSubmitterTest {

    private static List<TaskCreateParams> items(String project, int n) {
        List<TaskCreateParams> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(ImageAnnotationParams.builder()
                    .project(project)
                    .attachment("https://example.com/img/" + i + ".png")
                    .geometries(Geometries.boxes("kitten"))
                    .build());
        }
        return items;
    }

    @Test
    @Tag("bulk")
    void tenThousandTasksKilledHalfwayAndResumedHaveNoDuplicateAndNoLoss(@TempDir Path dir) throws Exception {
        int n = 10_000;
        try (TestEmulator emulator = TestEmulator.start(b -> b.workforceEnabled(false))) {
            ScaleClient client = ScaleClient.create(ClientOptions.builder()
                    .apiKey(emulator.account().testKey())
                    .baseUrl(emulator.baseUrl() + "/v1")
                    .build());
            String project = "bulk";
            client.projects()
                    .create(ProjectCreateParams.builder()
                            .type(TaskType.IMAGEANNOTATION)
                            .name(project)
                            .build());
            List<TaskCreateParams> items = items(project, n);
            Path checkpoint = dir.resolve("run.ckpt.jsonl");

            CountDownLatch halfway = new CountDownLatch(1);
            BulkSubmitter first = BulkSubmitter.builder(client.tasks())
                    .deriveUniqueIds()
                    .concurrency(8)
                    .checkpoint(checkpoint)
                    .progress(p -> {
                        if (p.done() >= n / 2) {
                            halfway.countDown();
                        }
                    })
                    .build();
            BulkSubmitter.Run run = first.start(items);
            assertThat(halfway.await(90, TimeUnit.SECONDS)).isTrue();
            run.stop(); // interrupts requests in flight, as a kill would
            BulkReport partial = run.await();
            assertThat(partial.stopped()).isTrue();
            assertThat(partial.items().size()).isLessThan(n);

            AtomicInteger calls = new AtomicInteger();
            BulkReport resumed = BulkSubmitter.builder(client.tasks())
                    .deriveUniqueIds()
                    .concurrency(8)
                    .checkpoint(checkpoint)
                    .progress(p -> calls.incrementAndGet())
                    .build()
                    .submit(items);

            assertThat(resumed.complete()).isTrue();
            assertThat(resumed.items()).hasSize(n);
            assertThat(resumed.count(BulkItemResult.Outcome.DONE_IN_EARLIER_RUN))
                    .isGreaterThanOrEqualTo(n / 2);
            Set<String> taskIds = new HashSet<>();
            resumed.items().forEach(r -> taskIds.add(r.taskId()));
            assertThat(taskIds).hasSize(n);
            assertThat(client.tasks()
                            .count(TaskListParams.builder().project(project).build()))
                    .isEqualTo(n);
            assertThat(calls.get()).isLessThanOrEqualTo(n);
            assertThat(Files.readAllLines(checkpoint)).hasSizeGreaterThanOrEqualTo(n);
        }
    }

    @Test
    @Tag("bulk")
    void tenThousandTasksSurviveTheSubmittingProcessBeingKilledAndResumed(@TempDir Path dir) throws Exception {
        int n = 10_000;
        try (TestEmulator emulator = TestEmulator.start(b -> b.workforceEnabled(false))) {
            String apiKey = emulator.account().testKey();
            ScaleClient client = ScaleClient.create(ClientOptions.builder()
                    .apiKey(apiKey)
                    .baseUrl(emulator.baseUrl() + "/v1")
                    .build());
            String project = "bulk-crash";
            client.projects()
                    .create(ProjectCreateParams.builder()
                            .type(TaskType.IMAGEANNOTATION)
                            .name(project)
                            .build());
            Path input = dir.resolve("tasks.jsonl");
            writeJsonl(input, items(project, n));
            Path checkpoint = dir.resolve("run.ckpt.jsonl");
            Path childLog = dir.resolve("child.log");

            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            BulkChildMain.class.getName(),
                            input.toString(),
                            checkpoint.toString(),
                            emulator.baseUrl() + "/v1")
                    .redirectErrorStream(true)
                    .redirectOutput(childLog.toFile());
            builder.environment().put("SCALE_API_KEY", apiKey); // never on the command line
            builder.environment().remove("SCALE_BASE_URL");
            Process child = builder.start();
            try {
                NewlineCounter recorded = new NewlineCounter(checkpoint);
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> !child.isAlive() || recorded.count() >= n / 2);
                assertThat(child.isAlive())
                        .as("the child ended before it could be killed:%n%s", Files.readString(childLog))
                        .isTrue();
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }

            Set<Integer> doneAtKill = okIndexes(checkpoint);
            assertThat(doneAtKill).hasSizeBetween(n / 2, n - 1);
            // A kill rarely lands inside the small write() of one record, so when it did not, leave the fragment
            // such a write (or a power loss) would: the resumed run must ignore it and append cleanly after it.
            if (Files.readString(checkpoint).endsWith("\n")) {
                Files.writeString(
                        checkpoint,
                        "{\"index\":" + firstMissing(doneAtKill, n) + ",\"status\":\"ok\",\"outcome\":\"cre",
                        StandardOpenOption.APPEND);
            }

            BulkReport resumed = BulkSubmitter.builder(client.tasks())
                    .deriveUniqueIds()
                    .concurrency(8)
                    .checkpoint(checkpoint)
                    .build()
                    .submit(BulkSubmitter.readJsonl(input));

            assertThat(resumed.failures()).isEmpty();
            assertThat(resumed.complete()).isTrue();
            assertThat(resumed.items()).hasSize(n);
            assertThat(resumed.count(BulkItemResult.Outcome.DONE_IN_EARLIER_RUN))
                    .as("every item recorded before the kill is skipped")
                    .isEqualTo(doneAtKill.size());
            long resent = resumed.count(BulkItemResult.Outcome.CREATED)
                    + resumed.count(BulkItemResult.Outcome.ALREADY_EXISTED);
            assertThat(resent).isEqualTo(n - doneAtKill.size()).isLessThanOrEqualTo(n / 2);
            assertThat(resumed.count(BulkItemResult.Outcome.ALREADY_EXISTED))
                    .as("at most one created-but-unrecorded item per worker of the killed run, found by unique_id")
                    .isLessThanOrEqualTo(8);

            Set<String> reportedIds = new HashSet<>();
            resumed.items().forEach(r -> reportedIds.add(r.taskId()));
            // the emulator's own database, every task of this account's test world
            List<Map<String, Object>> stored = emulator.emulator()
                    .context()
                    .db()
                    .read(h -> h.createQuery(
                                    "SELECT id, unique_id, project FROM tasks WHERE account_id = :a AND test_mode = 1")
                            .bind("a", emulator.account().accountId())
                            .mapToMap()
                            .list());
            assertThat(stored)
                    .hasSize(n)
                    .allSatisfy(row -> assertThat(row.get("project")).isEqualTo(project));
            assertThat(stored.stream()
                            .map(row -> row.get("unique_id"))
                            .filter(u -> u != null)
                            .distinct())
                    .hasSize(n);
            assertThat(stored.stream().map(row -> (String) row.get("id")))
                    .containsExactlyInAnyOrderElementsOf(reportedIds);
            System.out.printf(
                    "killed with %d of %d recorded; the resumed run created %d and found %d by unique_id%n",
                    doneAtKill.size(),
                    n,
                    resumed.count(BulkItemResult.Outcome.CREATED),
                    resumed.count(BulkItemResult.Outcome.ALREADY_EXISTED));

            // the torn fragment stayed a line of its own: every item is now recorded, none glued to it
            assertThat(okIndexes(checkpoint)).hasSize(n);
        }
    }

    /** The input format of {@link BulkSubmitter#readJsonl}: one task body per line plus its {@code "type"}. */
    private static void writeJsonl(Path file, List<TaskCreateParams> items) throws Exception {
        List<String> lines = new ArrayList<>(items.size());
        for (TaskCreateParams item : items) {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("type", item.type().value());
            line.putAll(item.body().asMap());
            lines.add(dev.scaletoolkit.model.json.JsonValue.of(line).toJson());
        }
        Files.write(file, lines);
    }

    /** Indexes the checkpoint records as done; unreadable lines (a torn write) are skipped. */
    private static Set<Integer> okIndexes(Path checkpoint) throws Exception {
        Set<Integer> done = new HashSet<>();
        for (String line : Files.readAllLines(checkpoint)) {
            try {
                JsonNode record = ScaleJson.mapper().readTree(line);
                if ("ok".equals(record.path("status").asString())) {
                    done.add(record.path("index").asInt());
                }
            } catch (JacksonException torn) {
                // not a record
            }
        }
        return done;
    }

    private static int firstMissing(Set<Integer> done, int n) {
        for (int i = 0; i < n; i++) {
            if (!done.contains(i)) {
                return i;
            }
        }
        throw new AssertionError("nothing is missing");
    }

    /** Counts finished lines of a growing append-only file, reading only what was added since the last call. */
    private static final class NewlineCounter {
        private final Path file;
        private long position;
        private long count;

        NewlineCounter(Path file) {
            this.file = file;
        }

        long count() throws Exception {
            if (!Files.exists(file)) {
                return 0;
            }
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                int read;
                while ((read = in.read(buffer, position)) > 0) {
                    for (int i = 0; i < read; i++) {
                        if (buffer.get(i) == '\n') {
                            count++;
                        }
                    }
                    position += read;
                    buffer.clear();
                }
            }
            return count;
        }
    }

    @Test
    void contentIdsAreStableAndDistinguishContent() {
        List<TaskCreateParams> a = items("p", 2);
        List<TaskCreateParams> b = items("p", 2);
        assertThat(ContentIds.of(a.get(0))).isEqualTo(ContentIds.of(b.get(0))).startsWith("sha256-");
        assertThat(ContentIds.of(a.get(0))).isNotEqualTo(ContentIds.of(a.get(1)));
    }

    @Test
    void jsonlInputIsReadWithLineNumbersInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"type\":\"categorization\",\"attachment\":\"x\"}\n\n{\"attachment\":\"y\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BulkSubmitter.readJsonl(file))
                .hasMessageContaining("line 3")
                .hasMessageContaining("'type'");
    }
}
