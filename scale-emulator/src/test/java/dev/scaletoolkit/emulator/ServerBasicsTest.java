package dev.scaletoolkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerBasicsTest {
    static TestEmulator scale;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @Test
    void healthAnswersWithoutKey() {
        Http.Resp r = new Http(scale.baseUrl(), null).get("/_emulator/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("ok");
    }

    @Test
    void missingKeyIs401InScaleShape() {
        Http.Resp r = new Http(scale.baseUrl(), null).get("/v1/projects");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(401);
        assertThat(r.error()).contains("API key");
    }

    @Test
    void unknownKeyIs401AndMessageDoesNotEchoIt() {
        Http.Resp r = new Http(scale.baseUrl(), "live_not_a_real_key_123").get("/v1/projects");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text()).doesNotContain("live_not_a_real_key_123");
    }

    @Test
    void bearerKeyIsAccepted() {
        Http http = new Http(scale.baseUrl(), null);
        Http.Resp r = http.send(http.builder("/v1/nothing-here")
                .header("Authorization", "Bearer " + scale.account().liveKey())
                .GET());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(404);
    }

    @Test
    void unknownRouteIs404NamingTheRoute() {
        Http.Resp r = new Http(scale.baseUrl(), scale.account().liveKey()).get("/v1/nonsense/route");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("GET /v1/nonsense/route");
    }

    @Test
    void pathsOutsideTheApiAre404Json() {
        Http.Resp r = new Http(scale.baseUrl(), null)
                .send(new Http(scale.baseUrl(), null)
                        .builder("/whatever")
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(404);
    }
}
