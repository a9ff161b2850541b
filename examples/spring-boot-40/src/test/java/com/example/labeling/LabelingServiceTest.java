package com.example.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.spring.test.AutoConfigureScaleEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** The starter's client, health indicator and callback endpoint against a fresh emulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureScaleEmulator(workforce = false)
class LabelingServiceTest {
    @Autowired
    LabelingService service;

    @Autowired
    RunningEmulator emulator;

    @Autowired
    Environment environment;

    @Test
    void aTaskIsCreatedCompletedAndCalledBack() throws Exception {
        Task task = service.submit("https://example.com/cat.jpg", url("/scale/callbacks"));
        assertEquals("pending", task.status().value());

        emulator.completeTask(task.taskId());

        assertTrue(service.awaitLabelled(task.taskId(), Duration.ofSeconds(30)), "the callback reached the service");
    }

    @Test
    void theHealthIndicatorIsUpWithoutTheKeyInIt() throws Exception {
        HttpResponse<String> health = get("/actuator/health/scale");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertFalse(health.body().contains(emulator.liveKey()), "the key is in the health output");
    }

    @Test
    void aFaultMakesTheHealthDownUntilItIsCleared() throws Exception {
        emulator.addFault(Fault.status(503).onPath("GET", "/tasks").forever());
        assertEquals(503, get("/actuator/health/scale").statusCode());
        emulator.clearFaults();
        assertEquals(200, get("/actuator/health/scale").statusCode());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port") + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
