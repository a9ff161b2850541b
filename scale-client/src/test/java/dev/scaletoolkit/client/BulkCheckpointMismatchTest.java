package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.client.bulk.BulkProgress;
import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import dev.scaletoolkit.client.bulk.CheckpointMismatchException;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint can only vouch for the tasks it names: reused with another input, it is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkCheckpointMismatchTest {
    private TestEmulator emulator;
    private ScaleClient client;
    private final String project = "ckpt";

    @BeforeAll
    void start() {
        emulator = TestEmulator.start(b -> b.workforceEnabled(false));
        client = ScaleClient.create(ClientOptions.builder()
                .apiKey(emulator.account().testKey())
                .baseUrl(emulator.baseUrl() + "/v1")
                .build());
        client.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
    }

    @AfterAll
    void stop() {
        client.close();
        emulator.close();
    }

    private List<TaskCreateParams> items(String prefix, int n) {
        List<TaskCreateParams> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(ImageAnnotationParams.builder()
                    .project(project)
                    .attachment("https://example.com/" + prefix + "/" + i + ".png")
                    .geometries(Geometries.boxes("kitten"))
                    .uniqueId(prefix + "-" + i)
                    .build());
        }
        return items;
    }

    private long tasksWithUniqueIdPrefix(String prefix) {
        return client
                .tasks()
                .listAutoPaging(TaskListParams.builder().project(project).build())
                .stream()
                .filter(t -> t.uniqueId() != null && t.uniqueId().startsWith(prefix + "-"))
                .count();
    }

    @Test
    void aCheckpointWrittenForAnotherInputIsRefusedBeforeAnythingIsSent(@TempDir Path dir) {
        Path checkpoint = dir.resolve("run.ckpt.jsonl");
        BulkReport first = BulkSubmitter.builder(client.tasks())
                .checkpoint(checkpoint)
                .build()
                .submit(items("first", 5));
        assertThat(first.complete()).isTrue();

        assertThatThrownBy(() -> BulkSubmitter.builder(client.tasks())
                        .checkpoint(checkpoint)
                        .build()
                        .submit(items("second", 5)))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("another input")
                .hasMessageContaining(checkpoint.toString());
        assertThat(tasksWithUniqueIdPrefix("second")).isZero();
    }

    @Test
    void aHeaderlessCheckpointNamingOtherUniqueIdsIsRefused(@TempDir Path dir) throws Exception {
        // the format before fingerprints: position-keyed lines for tasks of some other input
        Path checkpoint = dir.resolve("old.ckpt.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"index\":")
                    .append(i)
                    .append(",\"status\":\"ok\",\"task_id\":\"t")
                    .append(i)
                    .append("\",\"unique_id\":\"elsewhere-")
                    .append(i)
                    .append("\"}\n");
        }
        Files.writeString(checkpoint, lines);

        assertThatThrownBy(() -> BulkSubmitter.builder(client.tasks())
                        .checkpoint(checkpoint)
                        .build()
                        .submit(items("third", 5)))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("elsewhere-");
        assertThat(tasksWithUniqueIdPrefix("third")).isZero();
    }

    @Test
    void theSameInputResumesAndSkipsWhatIsDone(@TempDir Path dir) {
        Path checkpoint = dir.resolve("same.ckpt.jsonl");
        List<TaskCreateParams> input = items("same", 4);
        BulkSubmitter.builder(client.tasks()).checkpoint(checkpoint).build().submit(input);

        BulkReport again = BulkSubmitter.builder(client.tasks())
                .checkpoint(checkpoint)
                .build()
                .submit(input);

        assertThat(again.complete()).isTrue();
        assertThat(again.count(dev.scaletoolkit.client.bulk.BulkItemResult.Outcome.DONE_IN_EARLIER_RUN))
                .isEqualTo(4);
        assertThat(tasksWithUniqueIdPrefix("same")).isEqualTo(4);
    }

    @Test
    void anItemWithoutUniqueIdIsRefusedUnlessHashesAreAskedFor() {
        List<TaskCreateParams> input = List.of(ImageAnnotationParams.builder()
                .project(project)
                .attachment("https://example.com/no-id.png")
                .geometries(Geometries.boxes("kitten"))
                .build());

        assertThatThrownBy(() -> BulkSubmitter.builder(client.tasks()).build().submit(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 0 has no unique_id")
                .hasMessageContaining("deriveUniqueIds()");
        BulkReport derived =
                BulkSubmitter.builder(client.tasks()).deriveUniqueIds().build().submit(input);
        assertThat(derived.complete()).isTrue();
        assertThat(derived.items().get(0).uniqueId()).startsWith("sha256-");
    }

    @Test
    void progressReportsRateAndTimeLeft() {
        List<BulkProgress> seen = new CopyOnWriteArrayList<>();
        BulkSubmitter.builder(client.tasks())
                .concurrency(2)
                .progress(seen::add)
                .build()
                .submit(items("progress", 8));

        assertThat(seen).hasSize(8);
        BulkProgress last = seen.stream().filter(p -> p.done() == 8).findFirst().orElseThrow();
        assertThat(last.total()).isEqualTo(8);
        assertThat(last.ratePerSecond()).isPositive();
        assertThat(last.eta()).isNotNull().isZero();
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(seen).allSatisfy(p -> assertThat(p.elapsed()).isNotNull());
    }
}
