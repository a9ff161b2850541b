package dev.scaletoolkit.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.http.FaultPlan;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 8: the gateway's trigger poller took one of the two 429s the README's example injects, so the
 * user's client saw one retry instead of two. Fault rules now hit the caller's requests unless a rule asks for the
 * toolkit's background clients too.
 */
class FaultSourceTest {
    private static TestEmulator emulator;
    private static Http admin;
    private static Http client;
    private static Http keyed;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.start();
        admin = new Http(emulator.baseUrl(), null);
        client = new Http(emulator.baseUrl(), emulator.account().liveKey());
        keyed = new Http(emulator.baseUrl(), emulator.account().liveKey());
    }

    /** A GET as the triggers poller sends it: the toolkit's client with the background token in its User-Agent. */
    private static Http.Resp pollerGet(String path) {
        return keyed.send(keyed.builder(path)
                .header(
                        "User-Agent",
                        "scale-toolkit-java/0.1 " + FaultPlan.BACKGROUND_USER_AGENT + " (triggers-poller)")
                .GET());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clear() {
        admin.delete("/_emulator/faults", "{}");
    }

    @Test
    void theReadmeExampleGivesTheClientBothOf429sWhileThePollerPolls() {
        admin.post("/_emulator/faults", "{\"status\": 429, \"retry_after_seconds\": 2, \"times\": 2}");
        assertThat(pollerGet("/v1/tasks?updated_after=2020-01-01T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(client.get("/v1/projects").status()).isEqualTo(429);
        assertThat(pollerGet("/v1/tasks?updated_after=2020-01-01T00:00:00Z").status())
                .isEqualTo(200);
        Http.Resp second = client.get("/v1/projects");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.raw().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(client.get("/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void aRuleForAnySourceHitsThePollerTooAndSaysSoInTheList() {
        Http.Resp added = admin.post("/_emulator/faults", "{\"status\": 503, \"source\": \"any\", \"times\": 1}");
        assertThat(added.json().path("faults").get(0).path("source").asString()).isEqualTo("any");
        assertThat(pollerGet("/v1/projects").status()).isEqualTo(503);
        assertThat(client.get("/v1/projects").status()).isEqualTo(200);

        admin.post("/_emulator/faults", "{\"status\": 503, \"source\": \"background\", \"times\": 1}");
        assertThat(client.get("/v1/projects").status()).isEqualTo(200);
        assertThat(pollerGet("/v1/projects").status()).isEqualTo(503);
    }

    @Test
    void anUnknownSourceIsRefusedNamingTheField() {
        Http.Resp r = admin.post("/_emulator/faults", "{\"status\": 503, \"source\": \"robots\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("source").contains("client, background or any");
    }
}
