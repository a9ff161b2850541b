package dev.scaletoolkit.emulator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.emulator.workforce.SimTasks;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Large results are stored apart and the task carries secure URLs to them, as on Scale. */
class ResponseBlobsTest {
    static TestEmulator scale;
    static Http admin;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        admin = new Http(scale.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    private static ObjectNode complete(String id, String type, String params, String body) {
        ObjectNode doc = SimTasks.doc(id, type, params, false);
        doc.put("callback_url", "ops@customer.example");
        SimTasks.insert(scale.emulator().context(), scale.account().accountId(), doc, null);
        Http.Resp r = admin.post("/_emulator/tasks/" + id + "/complete", body);
        assertThat(r.status()).isEqualTo(200);
        return (ObjectNode) r.json();
    }

    /** The stored blob behind a secure URL of this task, checked to belong to the task and its account. */
    private static JsonNode blob(String url, String taskId) {
        String prefix = scale.baseUrl() + "/v1/task/" + taskId + "/response_url/";
        assertThat(url).startsWith(prefix);
        String blobId = url.substring(prefix.length());
        assertThat(blobId).matches("[0-9a-f-]{36}");
        EmulatorContext context = scale.emulator().context();
        Optional<JsonNode> body = context.db()
                .read(h -> h.createQuery("SELECT body FROM response_blobs WHERE id = :id AND task_id = :t"
                                + " AND account_id = :a AND test_mode = 0 AND content_type = 'application/json'")
                        .bind("id", blobId)
                        .bind("t", taskId)
                        .bind("a", scale.account().accountId())
                        .mapTo(String.class)
                        .findOne()
                        .map(s -> Docs.read("{\"v\":" + s + "}").get("v")));
        assertThat(body).as("blob %s", blobId).isPresent();
        return body.get();
    }

    @Test
    void segmentationMasksMoveBehindSecureUrls() {
        String id = "650000000000000000000501";
        ObjectNode task = complete(
                id,
                "segmentannotation",
                "{\"attachment\": \"https://example.com/a.png\", \"labels\": [\"road\", \"sky\"],"
                        + " \"image_metadata\": {\"width\": 64, \"height\": 32}}",
                "");
        JsonNode response = task.get("response");
        assertThat(response.get("labelMapping").propertyNames()).containsExactlyInAnyOrder("road", "sky");
        JsonNode indexed = blob(
                response.get("annotations").get("combined").get("indexedImage").asString(), id);
        assertThat(indexed.get("width").asInt()).isEqualTo(64);
        assertThat(indexed.get("height").asInt()).isEqualTo(32);
        Set<String> urls = new HashSet<>();
        for (String label : new String[] {"road", "sky"}) {
            String url = response.get("annotations").get("labeled").get(label).asString();
            urls.add(url);
            assertThat(blob(url, id).get("encoding").asString()).isEqualTo("rle");
        }
        assertThat(urls).hasSize(2);
    }

    @Test
    void lidarAndVideoAnnotationsBecomeUrlReferences() {
        String lidar = "650000000000000000000502";
        JsonNode lidarResponse = complete(
                        lidar,
                        "lidarannotation",
                        "{\"attachments\": [\"f0.json\", \"f1.json\"], \"labels\": [\"car\", \"cyclist\"]}",
                        "")
                .get("response");
        JsonNode frames = blob(lidarResponse.get("annotations").get("url").asString(), lidar);
        assertThat(frames.size()).isEqualTo(2);
        Set<String> labels = new HashSet<>();
        frames.get(1).get("cuboids").forEach(c -> labels.add(c.get("label").asString()));
        assertThat(labels).containsExactlyInAnyOrder("car", "cyclist");

        String video = "650000000000000000000503";
        JsonNode videoResponse = complete(
                        video,
                        "videoplaybackannotation",
                        "{\"attachment\": \"https://example.com/v.mp4\", \"frame_rate\": 1, \"duration_time\": 3,"
                                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"ball\"]}},"
                                + " \"events_to_annotate\": [\"goal\"]}",
                        "")
                .get("response");
        assertThat(blob(videoResponse.get("annotations").get("url").asString(), video)
                        .size())
                .isEqualTo(3);
        assertThat(videoResponse.get("events").get(0).get("label").asString()).isEqualTo("goal");

        // The callback carries the same reference, not the bulk.
        JsonNode delivery = admin.get("/_emulator/callbacks?task_id=" + video)
                .json()
                .get("docs")
                .get(0);
        assertThat(delivery.get("body")
                        .get("response")
                        .get("annotations")
                        .get("url")
                        .asString())
                .isEqualTo(videoResponse.get("annotations").get("url").asString());
    }

    @Test
    void smallResponsesAndGivenUrlsStayAsTheyAre() {
        String small = "650000000000000000000504";
        JsonNode category = complete(small, "categorization", "{\"categories\": [\"a\", \"b\"]}", "")
                .get("response");
        assertThat(category.get("category").asString()).isIn("a", "b");

        String given = "650000000000000000000505";
        JsonNode response = complete(
                        given,
                        "lidarannotation",
                        "{\"labels\": [\"car\"]}",
                        "{\"response\": {\"annotations\": {\"url\": \"https://results.example/x.json\"}}}")
                .get("response");
        assertThat(response.get("annotations").get("url").asString()).isEqualTo("https://results.example/x.json");
        int blobs = scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM response_blobs WHERE task_id IN (:a, :b)")
                        .bind("a", small)
                        .bind("b", given)
                        .mapTo(Integer.class)
                        .one());
        assertThat(blobs).isZero();
    }
}
