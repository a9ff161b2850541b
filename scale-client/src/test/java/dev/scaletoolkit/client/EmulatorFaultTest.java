package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.export.TaskExporter;
import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The emulator's fault injection, callbacks and export, driven through the SDK. */
class EmulatorFaultTest {
    private TestEmulator emulator;
    private ScaleClient client;
    private String project;

    @BeforeEach
    void start() {
        emulator = TestEmulator.start();
        client = ScaleClient.create(ClientOptions.builder()
                .apiKey(emulator.account().testKey())
                .baseUrl(emulator.baseUrl() + "/v1")
                .retryPolicy(RetryPolicy.builder()
                        .initialDelay(Duration.ofMillis(10))
                        .build())
                .build());
        project = "p-" + UUID.randomUUID();
        client.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void fault(String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/faults"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private ImageAnnotationParams.Builder image() {
        return ImageAnnotationParams.builder()
                .project(project)
                .attachment("https://example.com/k.png")
                .geometries(Geometries.boxes("kitten"));
    }

    @Test
    void aFalse500AfterTheCreateCommittedIsRecoveredAsTheOneTask() throws Exception {
        fault("{\"method\":\"POST\",\"path_prefix\":\"/task/\",\"phase\":\"after_commit\",\"status\":500,\"times\":1}");
        String uid = "false-500-" + UUID.randomUUID();
        Task task = client.tasks().create(image().uniqueId(uid).build());
        assertThat(task.uniqueId()).isEqualTo(uid);
        assertThat(client.tasks()
                        .count(dev.scaletoolkit.client.task.TaskListParams.builder()
                                .uniqueIds(List.of(uid))
                                .build()))
                .isEqualTo(1);
    }

    @Test
    void a503ThenSuccessAndA429WithRetryAfterAreRetried() throws Exception {
        fault("{\"method\":\"GET\",\"path_prefix\":\"/projects\",\"status\":503,\"times\":1}");
        assertThat(client.projects().retrieve(project).name()).isEqualTo(project);
        fault(
                "{\"method\":\"GET\",\"path_prefix\":\"/projects\",\"status\":429,\"retry_after_seconds\":1,\"times\":1}");
        assertThat(client.projects().retrieve(project).name()).isEqualTo(project);
    }

    @Test
    void completedTasksExportToJsonlAndCoco(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            client.tasks().create(image().build());
        }
        TaskExporter exporter = new TaskExporter(client.tasks());
        Path jsonl = dir.resolve("tasks.jsonl");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> exporter.toJsonl(TaskExporter.completedInProject(project), jsonl) == 3);
        assertThat(Files.readAllLines(jsonl))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("\"task_id\""));
        Path coco = dir.resolve("coco.json");
        assertThat(exporter.toCoco(TaskExporter.completedInProject(project), coco))
                .isEqualTo(3);
        JsonNode doc = ScaleJson.mapper().readTree(coco.toFile());
        assertThat(doc.path("images").size()).isEqualTo(3);
        assertThat(doc.has("categories")).isTrue();
    }
}
