package dev.scaletoolkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.callback.CallbackEvent;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.GenericTaskParams;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import dev.scaletoolkit.spring.boot.MeteredTransport;
import dev.scaletoolkit.spring.sample.StarterApp;
import dev.scaletoolkit.spring.test.AutoConfigureScaleEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Spring Boot 3.5 application with the starter, tested the way its users would: the annotation points the
 * client bean at a fresh emulator, the health endpoint reports it, timings land in Micrometer and callbacks reach
 * the application's handler through the Spring endpoint.
 */
@SpringBootTest(
        classes = StarterApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always",
            "scale.max-retries=0"
        })
@AutoConfigureScaleEmulator(workforce = false)
class StarterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ScaleClient scale;

    @Autowired
    RunningEmulator emulator;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void theClientBeanTalksToAFreshEmulator() {
        Task task = scale.tasks().create(imageTask("first", null));
        emulator.completeTask(task.taskId());
        assertThat(scale.tasks().retrieve(task.taskId()).status().value()).isEqualTo("completed");
    }

    @Test
    void healthIsUpWithoutTheKeyInIt() throws Exception {
        HttpResponse<String> health = get("/actuator/health/scale");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"UP\"")
                .contains("\"key_mode\":\"live\"")
                .doesNotContain(emulator.liveKey());
    }

    @Test
    void requestsAreTimedAndAFaultIsSeenThenRecovered() {
        emulator.addFault(Fault.status(503).onPath("GET", "/projects").times(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> scale.projects().list())
                .isInstanceOf(ScaleException.class);
        assertThat(scale.projects().list()).isNotNull(); // the fault was used up: recovered

        assertThat(meters.get(MeteredTransport.METER)
                        .tags("method", "GET", "uri", "/projects", "status", "503")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(MeteredTransport.METER)
                        .tags("uri", "/projects", "outcome", "SUCCESS")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void callbacksReachTheHandlerThroughTheSpringEndpoint() throws Exception {
        String callbackUrl = "http://127.0.0.1:" + port + "/scale/callbacks";
        Task task = scale.tasks().create(imageTask("called-back", callbackUrl));
        emulator.completeTask(task.taskId());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> StarterApp.RECEIVED.stream()
                        .anyMatch(e -> e instanceof CallbackEvent.TaskEvent
                                && e.subject().equals(task.taskId())));

        HttpResponse<String> forged = HTTP.send(
                HttpRequest.newBuilder(URI.create(callbackUrl))
                        .header("scale-callback-auth", "not-the-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"task_id\":\"x\",\"status\":\"completed\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private GenericTaskParams imageTask(String name, String callbackUrl) {
        String project = "starter-" + name;
        scale.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
        String callback = callbackUrl == null ? "" : ", \"callback_url\": \"" + callbackUrl + "\"";
        return GenericTaskParams.of(TaskType.IMAGEANNOTATION, JsonValue.parse("""
                        {"project": "%s", "attachment": "https://example.com/%s.jpg",
                         "geometries": {"box": {"objects_to_annotate": ["cat"]}}%s}""".formatted(project, name, callback)));
    }
}
