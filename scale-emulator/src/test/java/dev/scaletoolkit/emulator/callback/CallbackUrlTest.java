package dev.scaletoolkit.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.emulator.workforce.SimTasks;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Callbacks carry the account's secret, so tasks and batches refuse the same internal targets the URL import
 * refuses, at create and again at send time; and they agree on what a valid URL is.
 */
class CallbackUrlTest {
    private static final String TASK = "{\"project\": \"p1\", \"attachment\": \"https://example.com/a.jpg\","
            + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}, \"callback_url\": \"%s\"}";
    private static TestEmulator scale;
    private static Http api;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        api = new Http(scale.baseUrl(), scale.account().liveKey());
        api.post("/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"p1\"}");
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254./x",
                "HTTP://169.254.169.254/x",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://metadata.google.internal./computeMetadata/v1/",
                "http://0.0.0.0:8080/",
                "http://255.255.255.255/",
                "http://[fe80::1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://100.100.100.200/latest/meta-data/"
            })
    void internalTargetsAreRefusedAtCreateForTasksAndBatches(String url) {
        Http.Resp task = api.post("/v1/task/imageannotation", TASK.formatted(url));
        assertThat(task.status()).as(task.text()).isEqualTo(400);
        assertThat(task.error()).contains("\"callback_url\"");

        Http.Resp batch = api.post(
                "/v1/batches", "{\"project\": \"p1\", \"name\": \"b-refused\", \"callback\": \"" + url + "\"}");
        assertThat(batch.status()).as(batch.text()).isEqualTo(400);
        assertThat(batch.error()).contains("\"callback\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS://example.com/hook", "http://127.0.0.1:9/hook", "ops@example.com"})
    void tasksAndBatchesAcceptTheSameTargets(String url) {
        Http.Resp task = api.post("/v1/task/imageannotation", TASK.formatted(url));
        assertThat(task.status()).as(task.text()).isEqualTo(200);
        String name = "b-" + Integer.toHexString(url.hashCode());
        Http.Resp batch = api.post(
                "/v1/batches", "{\"project\": \"p1\", \"name\": \"" + name + "\", \"callback\": \"" + url + "\"}");
        assertThat(batch.status()).as(batch.text()).isEqualTo(200);
    }

    @Test
    void aStoredCallbackToARefusedTargetIsNeverSent() {
        // As if stored before this check existed: the dispatcher checks again, after resolving the host.
        ObjectNode doc = SimTasks.doc(
                "650000000000000000000901",
                "categorization",
                "{\"categories\": [\"red\"], \"attachment\": \"tomato\"}",
                false);
        doc.put("callback_url", "http://169.254.169.254/latest/meta-data/");
        String id = SimTasks.insert(scale.emulator().context(), scale.account().accountId(), doc, null);
        Http admin = new Http(scale.baseUrl(), null);
        assertThat(admin.post("/_emulator/tasks/" + id + "/complete", "{}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode d = admin.get("/_emulator/callbacks?task_id=" + id)
                    .json()
                    .get("docs")
                    .get(0);
            assertThat(d.path("state").asString()).isEqualTo("failed");
            assertThat(d.path("last_error").asString()).contains("not sent");
        });
    }
}
