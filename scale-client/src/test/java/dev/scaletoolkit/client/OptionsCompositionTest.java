package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import dev.scaletoolkit.client.export.TaskExporter;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.http.Transport;
import dev.scaletoolkit.client.internal.JdkTransport;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.client.task.TaskService;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Options compose: a client made with the live key and switched to the test key keeps the test key through
 * {@code withOptions}, per-call options, the bulk submitter, the exporter and the waits. Every request that
 * reaches the emulator is recorded, and none may carry the live key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionsCompositionTest {
    private TestEmulator emulator;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private ScaleClient live;
    private String project;

    @BeforeAll
    void start() {
        emulator = TestEmulator.start(b -> b.workforceEnabled(false));
        JdkTransport jdk = new JdkTransport(Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC());
        Transport recording = new Transport() {
            @Override
            public ScaleResponse execute(ScaleRequest request) {
                authorizations.add(request.headers().get("Authorization"));
                return jdk.execute(request);
            }
        };
        live = ScaleClient.create(ClientOptions.builder()
                .apiKey(emulator.account().liveKey())
                .baseUrl(emulator.baseUrl() + "/v1")
                .transport(recording)
                .build());
        project = "opts-" + UUID.randomUUID().toString().substring(0, 8);
        live.withOptions(o -> o.apiKey(emulator.account().testKey()))
                .projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
        authorizations.clear();
    }

    @AfterAll
    void stop() {
        live.close();
        emulator.close();
    }

    private ScaleClient testKeyClient() {
        return live.withOptions(o -> o.apiKey(emulator.account().testKey()));
    }

    private ImageAnnotationParams item(String uniqueId) {
        return ImageAnnotationParams.builder()
                .project(project)
                .instruction("Box every kitten")
                .attachment("https://example.com/" + uniqueId + ".png")
                .geometries(Geometries.boxes("kitten"))
                .uniqueId(uniqueId)
                .build();
    }

    private void assertLiveKeyNeverSent() {
        String liveBasic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((emulator.account().liveKey() + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).isNotEmpty().doesNotContain(liveBasic);
    }

    @Test
    void withOptionsAddsToTheServiceOptionsInsteadOfReplacingThem() {
        TaskService tasks = testKeyClient().tasks();

        Task viaLambda =
                tasks.withOptions(o -> o.timeout(Duration.ofSeconds(30))).create(item("lambda-" + UUID.randomUUID()));
        Task viaOptions = tasks.withOptions(
                        RequestOptions.builder().timeout(Duration.ofSeconds(30)).build())
                .create(item("options-" + UUID.randomUUID()));
        Task viaPerCall = tasks.create(
                item("per-call-" + UUID.randomUUID()),
                RequestOptions.builder().maxRetries(1).build());
        Task viaClient = testKeyClient()
                .withOptions(
                        RequestOptions.builder().timeout(Duration.ofSeconds(20)).build())
                .tasks()
                .create(item("client-" + UUID.randomUUID()));

        assertThat(List.of(viaLambda, viaOptions, viaPerCall, viaClient))
                .allSatisfy(t -> assertThat(t.isTest()).isTrue());
        assertThat(tasks.withOptions(o -> o.timeout(Duration.ofSeconds(3)))
                        .options()
                        .apiKey())
                .isEqualTo(emulator.account().testKey());
        assertLiveKeyNeverSent();
    }

    @Test
    void bulkExportAndWaitKeepTheServiceKey() {
        TaskService tasks = testKeyClient().tasks().withOptions(o -> o.timeout(Duration.ofSeconds(60)));
        String bulkProject = "opts-bulk-" + UUID.randomUUID().toString().substring(0, 8);
        testKeyClient()
                .projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(bulkProject)
                        .build());
        List<TaskCreateParams> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(ImageAnnotationParams.builder()
                    .project(bulkProject)
                    .instruction("Box every kitten")
                    .attachment("https://example.com/bulk-" + bulkProject + "-" + i + ".png")
                    .geometries(Geometries.boxes("kitten"))
                    .uniqueId(bulkProject + "-" + i)
                    .build());
        }

        BulkReport report = BulkSubmitter.builder(tasks).concurrency(3).build().submit(items);
        assertThat(report.failures()).isEmpty();
        assertThat(report.complete()).isTrue();
        for (var result : report.items()) {
            Task done = tasks.waitFor(result.taskId(), Duration.ofSeconds(30));
            assertThat(done.isTest()).isTrue();
        }
        StringWriter jsonl = new StringWriter();
        long exported = new TaskExporter(tasks).toJsonl(TaskExporter.completedInProject(bulkProject), jsonl);

        assertThat(exported).isEqualTo(6);
        assertThat(tasks.count(TaskListParams.builder().project(bulkProject).build()))
                .isEqualTo(6);
        assertLiveKeyNeverSent();
    }
}
