package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.scaletoolkit.model.task.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
