package com.example.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A reachable Scale that refuses the key: the health is DOWN, says why, and never shows the key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WrongKeyHealthTest {
    static final String WRONG_KEY = "live_00000000000000000000000000wrong";

    @DynamicPropertySource
    static void scale(DynamicPropertyRegistry registry) {
        registry.add("scale.base-url", () -> RunningEmulator.shared().apiUrl());
        registry.add("scale.api-key", () -> WRONG_KEY);
    }

    @Autowired
    Environment environment;

    @Test
    void theHealthIsDownWithTheReasonAndWithoutTheKey() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + environment.getProperty("local.server.port") + "/actuator/health/scale"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(503, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"DOWN\""), health.body());
        assertTrue(health.body().contains("refused the API key"), health.body());
        assertFalse(health.body().contains(WRONG_KEY), "the key is in the health output");
    }
}
