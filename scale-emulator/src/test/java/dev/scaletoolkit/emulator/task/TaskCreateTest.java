package dev.scaletoolkit.emulator.task;

import static dev.scaletoolkit.emulator.task.TaskWorld.categorization;
import static dev.scaletoolkit.emulator.task.TaskWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/task/{type}} over a real port: per-type rules, common fields, modes and idempotency. */
class TaskCreateTest {
    static TaskWorld world;

    @BeforeAll
    static void start() {
        world = TaskWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void liveTaskIsPendingWithScaleShape() {
        world.insertProject(false, "bicycle_boxes", "imageannotation", Docs.object(), Docs.object());
        Http.Resp r = world.live.post(
                "/v1/task/imageannotation",
                json(
                        "instruction", "Box the bicycles.",
                        "attachment", "https://assets.example.org/a.jpg",
                        "attachment_type", "image",
                        "geometries",
                                Map.of(
                                        "box",
                                        Map.of(
                                                "objects_to_annotate", List.of("bicycle"),
                                                "min_height", 8,
                                                "min_width", 8)),
                        "callback_url", "https://hooks.example.org/scale",
                        "metadata", Map.of("camera", "north-3"),
                        "tags", List.of("pilot", "street", "pilot"),
                        "unique_id", "corner-17",
                        "project", "bicycle_boxes"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode task = r.json();
        Fixtures.assertShape(task, "tasks/task_pending.json");
        assertThat(task.path("task_id").asString()).matches("[0-9a-f]{24}");
        assertThat(task.path("status").asString()).isEqualTo("pending");
        assertThat(task.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(task.has("completed_at")).isFalse();
        assertThat(task.has("response")).isFalse();
        assertThat(task.path("params").path("attachment").asString()).isEqualTo("https://assets.example.org/a.jpg");
        assertThat(task.path("params").has("instruction")).isFalse();
        assertThat(task.path("tags").toString()).isEqualTo("[\"pilot\",\"street\"]");
        assertThat(task.path("is_test").asBoolean()).isFalse();
        assertThat(task.path("project_param_version").asInt()).isZero();

        Http.Resp again = world.live.get("/v1/task/" + task.path("task_id").asString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(task);
    }

    @Test
    void emptyOptionalFieldsAreAbsentAndMetadataIsAnEmptyObject() {
        JsonNode task = world.createTask(world.live);
        assertThat(task.has("tags")).isFalse();
        assertThat(task.has("unique_id")).isFalse();
        assertThat(task.path("metadata").isObject()).isTrue();
        assertThat(task.path("metadata").isEmpty()).isTrue();
        assertThat(task.propertyNames()).noneMatch(k -> k.startsWith("_"));
    }

    @Test
    void testKeyAnswersPendingButEveryLaterReadIsCompleted() {
        JsonNode created = world.createTask(world.test, "callback_url", "http://127.0.0.1:9/cb");
        assertThat(created.path("status").asString()).isEqualTo("pending");
        assertThat(created.has("response")).isFalse();
        assertThat(created.path("is_test").asBoolean()).isTrue();

        String id = created.path("task_id").asString();
        JsonNode read = world.test.get("/v1/task/" + id).json();
        assertThat(read.path("status").asString()).isEqualTo("completed");
        assertThat(read.has("response")).isTrue();
        assertThat(read.has("completed_at")).isTrue();
        assertThat(world.callbacks(id)).hasSize(1);
        assertThat(world.live.get("/v1/task/" + id).status()).isEqualTo(404);
    }

    @Test
    void categorizeIsAnAliasAndTheTaskKeepsTheCanonicalType() {
        Http.Resp r = world.live.post("/v1/task/categorize", categorization());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("type").asString()).isEqualTo("categorization");
    }

    @Test
    void everyDocumentedTypeIsAcceptedWithItsRequiredFields() {
        Map<String, String> bodies = Map.ofEntries(
                Map.entry(
                        "videoannotation",
                        json("attachments", List.of("f1.jpg", "f2.jpg"), "geometries", Map.of("box", Map.of()))),
                Map.entry(
                        "videoplaybackannotation",
                        json("attachment", "https://example.com/v.mp4", "geometries", Map.of("box", Map.of()))),
                Map.entry("lidarannotation", json("attachments", List.of("frame0.json"), "labels", List.of("car"))),
                Map.entry(
                        "lidarsegmentation", json("lidar_task", "64b1f0c2a7e3d5001f2c9a10", "labels", List.of("road"))),
                Map.entry(
                        "segmentannotation",
                        json("attachment", "https://example.com/a.png", "labels", List.of("road", "sky"))),
                Map.entry(
                        "namedentityrecognition",
                        json(
                                "instruction",
                                "Mark names.",
                                "text",
                                "Ada met Alan.",
                                "labels",
                                List.of(Map.of("name", "Person")))),
                Map.entry(
                        "textcollection",
                        json(
                                "instruction",
                                "Copy.",
                                "attachments",
                                List.of(Map.of("type", "text", "content", "x")),
                                "fields",
                                List.of(Map.of("type", "text", "field_id", "f", "title", "F")))),
                Map.entry(
                        "documenttranscription",
                        json("instruction", "Transcribe.", "attachment", "https://example.com/doc.pdf")),
                Map.entry(
                        "comparison",
                        json(
                                "instruction",
                                "Same?",
                                "attachments",
                                List.of("a", "b"),
                                "choices",
                                List.of("yes", "no"))),
                Map.entry(
                        "audiotranscription",
                        json("attachment", "https://example.com/a.mp3", "attachment_type", "audio")),
                Map.entry(
                        "pointannotation",
                        json("attachment", "https://example.com/a.png", "objects_to_annotate", List.of("eye"))),
                Map.entry("chat", json("instruction", "Talk.")));
        bodies.forEach((type, body) -> {
            Http.Resp r = world.live.post("/v1/task/" + type, body);
            assertThat(r.status()).as(type + ": " + r.text()).isEqualTo(200);
            assertThat(r.json().path("type").asString()).isEqualTo(type);
        });
    }

    @Test
    void missingRequiredFieldIs400NamingIt() {
        Http.Resp r =
                world.live.post("/v1/task/imageannotation", json("attachment", "https://assets.example.org/a.jpg"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Parameter is invalid, reason: \"geometries\" is required");
        Fixtures.assertShape(r.json(), "errors/error_400_missing_param.json");

        Http.Resp noInstruction =
                world.live.post("/v1/task/categorization", json("attachment", "a.png", "categories", List.of("x")));
        assertThat(noInstruction.error()).contains("\"instruction\" is required");

        Http.Resp textcollection = world.live.post(
                "/v1/task/textcollection", json("instruction", "Copy.", "fields", List.of(Map.of("field_id", "f"))));
        assertThat(textcollection.error()).isEqualTo("Parameter is invalid, reason: \"attachments\" is required");
    }

    @Test
    void oneOfGroupIs400NamingEveryMember() {
        Http.Resp r = world.live.post("/v1/task/documenttranscription", json("instruction", "Transcribe."));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("\"attachment\" or \"attachments\"");
    }

    @Test
    void wrongKindIs400NamingFieldAndExpectedKind() {
        Http.Resp r = world.live.post("/v1/task/imageannotation", json("attachment", "a.jpg", "geometries", "box"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Parameter is invalid, reason: \"geometries\" must be an object, got a string");

        Http.Resp categories = world.live.post("/v1/task/categorization", categorization("categories", List.of()));
        assertThat(categories.error()).contains("\"categories\" must have at least 1 item");

        Http.Resp lidar = world.live.post(
                "/v1/task/lidarannotation",
                json("attachments", List.of("f.json"), "labels", List.of("car"), "attachment_type", "xml"));
        assertThat(lidar.error()).contains("\"attachment_type\" must be one of json, protobuf");

        Http.Resp flag = world.live.post("/v1/task/categorization", categorization("allow_multiple", 3));
        assertThat(flag.error()).contains("\"allow_multiple\" must be a boolean, got a number");
    }

    @Test
    void commonFieldKindsAreChecked() {
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("metadata", List.of(1)))
                        .error())
                .contains("\"metadata\" must be an object");
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("tags", "a,b"))
                        .status())
                .isEqualTo(200);
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("tags", Map.of("a", 1)))
                        .error())
                .contains("\"tags\" must be an array of strings");
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("priority", "high"))
                        .error())
                .contains("\"priority\" must be an integer");
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("instruction", 5))
                        .error())
                .contains("\"instruction\" must be a string");
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("callback_url", "hooks.example.org"))
                        .error())
                .contains("\"callback_url\" must be a full URL");
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("unique_id", true))
                        .error())
                .contains("\"unique_id\" must be a string");
        assertThat(world.live.post("/v1/task/categorization", "[1,2]").status()).isEqualTo(400);
        assertThat(world.live.post("/v1/task/categorization", "{not json").status())
                .isEqualTo(400);
    }

    @Test
    void unknownTypeIs400NamingIt() {
        Http.Resp r = world.live.post("/v1/task/holograms", categorization());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("\"holograms\"").contains("imageannotation");
    }

    @Test
    void metadataAbove10KbAndMoreThanFiveTagsAre400() {
        Http.Resp big = world.live.post(
                "/v1/task/categorization", categorization("metadata", Map.of("blob", "x".repeat(10_300))));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.error()).contains("\"metadata\"").contains("10240");

        Http.Resp tags = world.live.post(
                "/v1/task/categorization", categorization("tags", List.of("a", "b", "c", "d", "e", "f")));
        assertThat(tags.status()).isEqualTo(400);
        assertThat(tags.error()).contains("\"tags\"").contains("at most 5");
    }

    @Test
    void typeSpecificParamsGoUnderParamsAndCommonOnesStayOnTop() {
        JsonNode task = world.createTask(
                world.live, "priority", 20, "responses_required", 2, "clear_unique_id_on_error", true, "force", true);
        assertThat(task.path("priority").asInt()).isEqualTo(20);
        assertThat(task.path("responses_required").asInt()).isEqualTo(2);
        assertThat(task.path("params").path("force").asBoolean()).isTrue();
        assertThat(task.path("params").path("categories").size()).isEqualTo(2);
        assertThat(task.path("params").has("priority")).isFalse();
        assertThat(task.has("clear_unique_id_on_error")).isFalse();
        assertThat(task.has("_clear_unique_id_on_error")).isFalse();
    }

    @Test
    void clearUniqueIdOnErrorFreesTheIdWhenTheTaskErrors() {
        JsonNode task = world.createTask(world.live, "unique_id", "erroring-1", "clear_unique_id_on_error", true);
        world.fail(task.path("task_id").asString());
        JsonNode read =
                world.live.get("/v1/task/" + task.path("task_id").asString()).json();
        assertThat(read.path("status").asString()).isEqualTo("error");
        assertThat(read.has("unique_id")).isFalse();
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("unique_id", "erroring-1"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void idempotencyKeyReplayIs409AndCreatesNothing() {
        Http http = world.live;
        String key = "5f0c8d9e-3b1a-4c55-9d0e-" + System.nanoTime();
        Http.Resp first = http.send(http.builder("/v1/task/categorization")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(categorization("metadata", Map.of("k", key)))));
        assertThat(first.status()).isEqualTo(200);
        Http.Resp replay = http.send(http.builder("/v1/task/categorization")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(categorization("metadata", Map.of("k", key)))));
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.error()).contains(first.json().path("task_id").asString());
        Fixtures.assertShape(replay.json(), "errors/error_409_idempotency_key.json");
        assertThat(world.count("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = :k", "k", key))
                .isEqualTo(1);
    }

    @Test
    void workforceQueueIsSetForLiveTasksEvenWhileTheWorkforceIsPaused() {
        // Queued while paused, so resuming the workforce (POST /_emulator/workforce) finishes them.
        String pending = world.createTask(world.live).path("task_id").asString();
        assertThat(world.count("SELECT COUNT(*) FROM tasks WHERE id = :id AND work_due_at IS NOT NULL", "id", pending))
                .isEqualTo(1);
        try (TaskWorld working = TaskWorld.start(b -> b.workforceDelay(java.time.Duration.ofHours(1)))) {
            Instant before = Instant.now();
            String id = working.createTask(working.live).path("task_id").asString();
            String due = working.scale
                    .emulator()
                    .context()
                    .db()
                    .read(h -> h.createQuery("SELECT work_due_at FROM tasks WHERE id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .one());
            assertThat(Instant.parse(due)).isAfter(before.plusSeconds(3500));
            String testId = working.createTask(working.test).path("task_id").asString();
            assertThat(working.count("SELECT COUNT(*) FROM tasks WHERE id = :id AND work_due_at IS NULL", "id", testId))
                    .isEqualTo(1);
        }
    }

    @Test
    void formEncodedBodiesAreAccepted() {
        Http http = world.live;
        String form = "instruction=Open%3F&attachment=a.png&categories%5B%5D=open&categories%5B%5D=closed"
                + "&allow_multiple=true&tags%5B%5D=form";
        Http.Resp r = http.send(http.builder("/v1/task/categorization")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("params").path("allow_multiple").isBoolean()).isTrue();
        assertThat(r.json().path("params").path("categories").size()).isEqualTo(2);
        assertThat(r.json().path("tags").get(0).asString()).isEqualTo("form");
    }
}
