package dev.scaletoolkit.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.client.error.BadRequestException;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.GenericTaskParams;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.nio.file.Files;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The annotation's promises: injected fields and parameters that work, faults and task completion from a test. */
@ScaleEmulatorTest(workforce = false)
class ScaleEmulatorTestTest {
    ScaleClient scale;
    RunningEmulator emulator;
    EmulatorControl control;

    @EmulatorValue(EmulatorValue.Kind.API_URL)
    String apiUrl;

    @EmulatorValue(EmulatorValue.Kind.LIVE_KEY)
    String liveKey;

    @Test
    void injectsAReadyClientAndWhereItPoints() {
        assertThat(apiUrl).matches("http://127\\.0\\.0\\.1:\\d+/v1").isEqualTo(emulator.apiUrl());
        assertThat(liveKey).startsWith("live_").isEqualTo(emulator.liveKey());
        assertThat(emulator.toString()).doesNotContain(liveKey);
        assertThat(Files.isDirectory(emulator.dataDir())).isTrue();
        assertThat(control.health().toString()).contains("\"ok\"");
        assertThat(scale.projects().list()).isNotNull();
    }

    @Test
    void completesAPendingTaskFromTheTest(ScaleClient client, RunningEmulator running) {
        Task task = client.tasks().create(imageTask("complete-me"));
        assertThat(task.status().value()).isEqualTo("pending"); // no workforce: it waits for the test

        running.completeTask(task.taskId());

        assertThat(client.tasks().retrieve(task.taskId()).status().value()).isEqualTo("completed");
    }

    @Test
    void failsATaskFromTheTest() {
        Task task = scale.tasks().create(imageTask("fail-me"));
        emulator.failTask(task.taskId(), "image did not load");
        assertThat(scale.tasks().retrieve(task.taskId()).status().value()).isEqualTo("error");
    }

    @Test
    void injectsFaultsUntilCleared(@EmulatorValue(EmulatorValue.Kind.BASE_URL) String baseUrl) {
        assertThat(baseUrl).isEqualTo(emulator.baseUrl());
        emulator.addFault(Fault.status(400).onPath("GET", "/projects").forever());
        assertThatThrownBy(() -> scale.projects().list()).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> scale.projects().list()).isInstanceOf(BadRequestException.class);

        emulator.clearFaults();
        assertThat(scale.projects().list()).isNotNull();
    }

    @Test
    void resetEmptiesTheDataButKeepsTheKeys() {
        scale.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name("to-be-reset")
                        .build());
        emulator.reset();
        assertThat(scale.projects().list()).isEmpty();
    }

    @Test
    void readsTheRequestJournal() {
        scale.projects().list();
        JsonValue journal = emulator.requests().orElseThrow();
        assertThat(journal.path("docs").elements())
                .extracting(doc -> doc.path("path").asText(""))
                .anyMatch(p -> p.endsWith("/projects"));
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheEnclosingClassEmulator(RunningEmulator nested) {
            assertThat(nested).isSameAs(emulator);
        }
    }

    /** An image task in a project of its own, so tests stay independent whatever order they run in. */
    private GenericTaskParams imageTask(String uniqueId) {
        String project = "project-" + uniqueId;
        scale.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
        JsonValue body = JsonValue.parse("""
                {"project": "%s", "attachment": "https://example.com/%s.jpg", "unique_id": "%s",
                 "geometries": {"box": {"objects_to_annotate": ["cat"]}}}""".formatted(project, uniqueId, uniqueId));
        return GenericTaskParams.of(TaskType.IMAGEANNOTATION, body);
    }
}
