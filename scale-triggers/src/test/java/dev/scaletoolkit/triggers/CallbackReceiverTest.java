package dev.scaletoolkit.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.task.TaskType;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.EventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ScaleEmulatorTest
class CallbackReceiverTest {
    @TempDir
    Path dir;

    RunningEmulator scale;
    TestGateway gateway;
    ScaleClient client;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start(RunningEmulator emulator) {
        // each test starts from an empty emulator, as the callbacks and events it counts are its own
        scale = emulator;
        scale.reset();
        // Polling off: these tests are about what callbacks alone do.
        gateway = new TestGateway(dir, TriggerSettings.defaults().withPollInterval(Duration.ZERO));
        gateway.connect("emu", scale);
        client = ScaleClient.create(ClientOptions.builder()
                .apiKey(scale.liveKey())
                .baseUrl(scale.baseUrl() + "/v1")
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    @Test
    void emulatorCallbacksForTasksAndTheirBatchBecomeEvents() {
        EmulatorControl.workforce(scale, false);
        client.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.CATEGORIZATION)
                        .name("kittens")
                        .build());
        client.batches()
                .create(BatchCreateParams.builder()
                        .project("kittens")
                        .name("kittens-1")
                        .callback(gateway.callbackUrl("emu"))
                        .build());
        for (int i = 0; i < 3; i++) {
            client.tasks()
                    .create(EmulatorControl.task("kittens-1")
                            .callbackUrl(gateway.callbackUrl("emu"))
                            .build());
        }

        EmulatorControl.workforce(scale, true);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Event> events = gateway.triggers().events().list(EventQuery.after(0));
            assertThat(events)
                    .extracting(Event::type)
                    .containsExactly(
                            EventType.TASK_COMPLETED,
                            EventType.TASK_COMPLETED,
                            EventType.TASK_COMPLETED,
                            EventType.BATCH_COMPLETED);
        });
        List<Event> events = gateway.triggers().events().list(EventQuery.after(0));
        assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.connection()).isEqualTo("emu");
            assertThat(e.project()).isEqualTo("kittens");
            assertThat(e.source()).isEqualTo("callback");
        });
        assertThat(events.get(3).batch()).isEqualTo("kittens-1");
        assertThat(events.get(0)
                        .toJson()
                        .path("data")
                        .path("task")
                        .path("response")
                        .isObject())
                .isTrue();
    }

    @Test
    void aCallbackWithAWrongOrMissingHeaderIsRefusedAndStoresNothing() throws Exception {
        String body = callbackBody("task_1", "completed", "2026-11-29T10:00:00.000Z");

        HttpResponse<String> wrong = post("emu", body, "cbk_not-the-secret");
        HttpResponse<String> missing = post("emu", body, null);
        HttpResponse<String> unknownConnection = post("nope", body, scale.callbackAuthKey());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(unknownConnection.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"status_code\":401").contains("scale-callback-auth");
        assertThat(wrong.body()).doesNotContain(scale.callbackAuthKey());
        assertThat(gateway.triggers().events().list(EventQuery.after(0))).isEmpty();
        assertThat(gateway.triggers().events().lastId()).isZero();
    }

    @Test
    void aRetriedCallbackIsStoredOnceAndARecompletionAgain() throws Exception {
        String first = callbackBody("task_1", "completed", "2026-11-29T10:00:00.000Z");
        String secret = scale.callbackAuthKey();

        assertThat(post("emu", first, secret).statusCode()).isEqualTo(200);
        assertThat(post("emu", first, secret).statusCode()).isEqualTo(200);
        // recalled to pending (no event), then completed again at a later time (a new event)
        assertThat(post("emu", callbackBody("task_1", "pending", null), secret).statusCode())
                .isEqualTo(200);
        assertThat(post("emu", callbackBody("task_1", "completed", "2026-11-29T11:00:00.000Z"), secret)
                        .statusCode())
                .isEqualTo(200);

        List<Event> events = gateway.triggers().events().list(EventQuery.after(0));
        assertThat(events)
                .extracting(Event::occurredAt)
                .containsExactly("2026-11-29T10:00:00.000Z", "2026-11-29T11:00:00.000Z");
    }

    @Test
    void aBodyThatIsNotACallbackGetsAScaleShapedError() throws Exception {
        String secret = scale.callbackAuthKey();

        HttpResponse<String> notJson = post("emu", "{nope", secret);
        HttpResponse<String> noId = post("emu", "{\"status\":\"completed\"}", secret);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("\"status_code\":400").contains("not valid JSON");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("task_id");
        assertThat(gateway.triggers().events().lastId()).isZero();
    }

    private static String callbackBody(String id, String status, String completedAt) {
        Map<String, Object> task = new java.util.LinkedHashMap<>();
        task.put("task_id", id);
        task.put("status", status);
        task.put("project", "kittens");
        task.put("completed_at", completedAt);
        return dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .writeValueAsString(Map.of("task_id", id, "status", status, "task", task, "response", Map.of()));
    }

    private HttpResponse<String> post(String connection, String body, String auth) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(gateway.callbackUrl(connection)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            req.header("scale-callback-auth", auth);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
}
