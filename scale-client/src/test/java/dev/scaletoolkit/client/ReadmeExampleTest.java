package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.export.TaskExporter;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 15-line program of scale-client/README.md, run as written against the emulator, so the README stays true. */
class ReadmeExampleTest {
    @Test
    void readmeProgramCreatesABatchOfImageTasksAndWaitsForThem() {
        try (TestEmulator emulator = TestEmulator.start()) {
            ClientOptions options = ClientOptions.builder()
                    .apiKey(emulator.account().liveKey())
                    .baseUrl(emulator.baseUrl() + "/v1")
                    .build();
            List<Task> printed = new ArrayList<>();
            try (ScaleClient setup = ScaleClient.create(options)) {
                setup.projects()
                        .create(ProjectCreateParams.builder()
                                .type(dev.scaletoolkit.model.task.TaskType.IMAGEANNOTATION)
                                .name("kittens")
                                .build());
            }

            // ---- as in the README ----
            try (ScaleClient scale = ScaleClient.create(options)) {
                String batch = "kittens-2024-05";
                scale.batches()
                        .create(BatchCreateParams.builder()
                                .project("kittens")
                                .name(batch)
                                .build());
                for (String url : List.of("https://example.com/1.png", "https://example.com/2.png")) {
                    scale.tasks()
                            .create(ImageAnnotationParams.builder()
                                    .batch(batch)
                                    .instruction("Draw a box around every kitten")
                                    .attachment(url)
                                    .geometries(Geometries.boxes("kitten"))
                                    .uniqueId(url)
                                    .build());
                }
                scale.batches().finalize(batch);
                Batch done = scale.batches().waitFor(batch, Duration.ofMinutes(2));
                scale.tasks()
                        .listAutoPaging(TaskExporter.completedInBatch(batch))
                        .forEach(printed::add);
                // ---- end of the README program ----

                assertThat(done.status().value()).isEqualTo("completed");
            }
            assertThat(printed).hasSize(2);
            assertThat(printed).allSatisfy(t -> assertThat(t.response()).isNotNull());
        }
    }

    /** The SDK snippet of the repository's front-page README. */
    @Test
    void frontPageSnippetCreatesAndWaitsForOneTask() {
        try (TestEmulator emulator = TestEmulator.start()) {
            ClientOptions options = ClientOptions.builder()
                    .apiKey(emulator.account().liveKey())
                    .baseUrl(emulator.baseUrl() + "/v1")
                    .build();
            try (ScaleClient scale = ScaleClient.create(options)) {
                scale.projects()
                        .create(ProjectCreateParams.builder()
                                .type(dev.scaletoolkit.model.task.TaskType.IMAGEANNOTATION)
                                .name("street_signs")
                                .build());
                // ---- as in README.md ----
                scale.batches()
                        .create(BatchCreateParams.builder()
                                .project("street_signs")
                                .name("signs_2026_12")
                                .build());
                Task task = scale.tasks()
                        .create(ImageAnnotationParams.builder()
                                .batch("signs_2026_12")
                                .attachment("https://example.com/street.jpg")
                                .geometries(Geometries.boxes("stop_sign", "yield_sign"))
                                .uniqueId("street-0002")
                                .build());
                Task done = scale.tasks().waitFor(task.taskId(), Duration.ofMinutes(5));
                // ---- end ----
                assertThat(done.status().value()).isEqualTo("completed");
            }
        }
    }
}
