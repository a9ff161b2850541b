package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every tool against a running emulator over real HTTP, in the order a user would meet them: projects, batches,
 * tasks of every type, edits, waiting, audits, files, teams, Studio. Each answer must be successful and fit the
 * tool's output schema. Nothing is skipped: a route the emulator lacks fails its step like any other error.
 */
// the workforce waits 2 s, so a fresh live task stays pending long enough to be cancelled
@ScaleEmulatorTest(workforceDelayMillis = 2000)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorToolsTest {
    private RunningEmulator scale;
    private ToolRegistry tools;
    private final Set<String> called = new LinkedHashSet<>();
    private final List<String> progress = new ArrayList<>();
    private String imageTask;
    private String segmentationTask;

    @BeforeAll
    void start(RunningEmulator emulator) {
        scale = emulator;
        tools = ToolRegistry.load(ScaleBackend.http(scale.baseUrl(), scale.liveKey()));
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) ScaleJson.mapper().readTree(text);
    }

    /** Calls a tool and asserts success and the output schema; a route the emulator lacks fails the step. */
    private JsonNode call(String slug, ObjectNode args) {
        called.add(tools.find(slug).orElseThrow().slug());
        ToolResult result = tools.call(slug, args, (done, total, message) -> progress.add(message));
        assertThat(result.successful()).as(slug + " failed: " + result.error()).isTrue();
        assertThat(tools.checkOutput(slug, result.data()))
                .as(slug + " output schema")
                .isEmpty();
        return result.data();
    }

    private DynamicTest step(String slug, Supplier<ObjectNode> args) {
        return DynamicTest.dynamicTest(slug, () -> call(slug, args.get()));
    }

    private static final String GEOMETRIES = "{\"box\":{\"objects_to_annotate\":[\"cat\",{\"choice\":\"dog\","
            + "\"subchoices\":[\"puppy\"]}],\"min_width\":5},\"polygon\":{\"objects_to_annotate\":[\"road\"]}}";

    @TestFactory
    Stream<DynamicTest> everyToolAgainstTheEmulator() {
        return Stream.of(
                step(
                        "SCALE_AI_CREATE_PROJECT",
                        () -> json("{\"name\":\"cats\",\"type\":\"imageannotation\","
                                + "\"params\":{\"instruction\":\"Box every animal.\"}}")),
                step("SCALE_AI_LIST_PROJECTS", () -> json("{}")),
                step("SCALE_AI_GET_PROJECT", () -> json("{\"name\":\"cats\"}")),
                step(
                        "SCALE_AI_SET_PROJECT_PARAMS",
                        () -> json("{\"name\":\"cats\",\"instruction\":\"Be exact.\"," + "\"patch\":true}")),
                step(
                        "SCALE_AI_SET_PROJECT_ONTOLOGY",
                        () -> json("{\"project_name\":\"cats\","
                                + "\"ontology\":[\"cat\",\"dog\"],\"ontology_name\":\"v1\"}")),
                step(
                        "SCALE_AI_CREATE_BATCH",
                        () -> json("{\"project\":\"cats\",\"name\":\"cats-1\"," + "\"metadata\":{\"week\":1}}")),
                step("SCALE_AI_GET_BATCH", () -> json("{\"batch_name\":\"cats-1\"}")),
                step("SCALE_AI_LIST_BATCHES", () -> json("{\"project\":\"cats\",\"limit\":10}")),
                DynamicTest.dynamicTest(
                        "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                        () -> imageTask = call(
                                        "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                                        json(
                                                "{\"project\":\"cats\",\"batch\":\"cats-1\",\"attachment\":\"https://example.com/c.png\","
                                                        + "\"geometries\":" + GEOMETRIES
                                                        + ",\"unique_id\":\"img-1\",\"tags\":[\"t1\"],"
                                                        + "\"metadata\":{\"shard\":1},\"callback_url\":\"http://127.0.0.1:9/cb\"}"))
                                .get("task_id")
                                .asString()),
                step("SCALE_AI_GET_TASK", () -> json("{\"task_id\":\"" + imageTask + "\"}")),
                step("GET_TASK_BY_ID", () -> json("{\"task_id\":\"" + imageTask + "\"}")),
                step("SCALE_AI_LIST_TASKS", () -> json("{\"project\":\"cats\",\"limit\":5}")),
                step(
                        "SCALE_AI_ADD_TASK_TAGS",
                        () -> json("{\"task_id\":\"" + imageTask + "\",\"tags\":[\"t2\",\"t3\"]}")),
                step("SCALE_AI_DELETE_TASK_TAGS", () -> json("{\"task_id\":\"" + imageTask + "\",\"tags\":[\"t1\"]}")),
                step(
                        "SCALE_AI_SET_TASK_METADATA",
                        () -> json("{\"task_id\":\"" + imageTask + "\",\"metadata\":{\"k\":\"v\"}}")),
                step(
                        "SCALE_AI_UPDATE_TASK_UNIQUE_ID",
                        () -> json("{\"task_id\":\"" + imageTask + "\",\"unique_id\":\"img-1b\"}")),
                step("SCALE_AI_DELETE_TASK_UNIQUE_ID", () -> json("{\"task_id\":\"" + imageTask + "\"}")),
                DynamicTest.dynamicTest("SCALE_AI_CANCEL_TASK", this::cancelFreshTask),
                DynamicTest.dynamicTest("SCALE_AI_WAIT_FOR_TASK", this::waitForImageTask),
                step(
                        "SCALE_AI_AUDIT_TASK",
                        () -> json("{\"task_id\":\"" + imageTask + "\",\"accepted\":false,"
                                + "\"comments\":\"Missed a dog.\"}")),
                step("SCALE_AI_GET_FIXLESS_AUDITS", () -> json("{\"task_id\":\"" + imageTask + "\"}")),
                step("RE_SEND_TASK_CALLBACK", () -> json("{\"task_id\":\"" + imageTask + "\"}")),
                DynamicTest.dynamicTest("create the other task types", this::createOtherTypes),
                DynamicTest.dynamicTest("SCALE_AI_GET_V1_TASK_RESPONSE_URL", this::secureResponse),
                step("SCALE_AI_FINALIZE_BATCH", () -> json("{\"batch_name\":\"cats-1\"}")),
                step("SCALE_AI_GET_BATCH_STATUS", () -> json("{\"batch_name\":\"cats-1\"}")),
                step(
                        "SCALE_AI_WAIT_FOR_BATCH",
                        () -> json("{\"batch_name\":\"cats-1\",\"timeout_seconds\":60,"
                                + "\"poll_interval_seconds\":0.5}")),
                DynamicTest.dynamicTest("SCALE_AI_CREATE_TASKS_FROM_JSONL", this::bulkCreate),
                step(
                        "SCALE_AI_CREATE_TASK",
                        () -> json("{\"type\":\"imageannotation\",\"params\":{\"project\":\"cats\","
                                + "\"attachment\":\"https://example.com/any.jpg\",\"geometries\":" + GEOMETRIES
                                + "}}")),
                step("SCALE_AI_EXPORT_RESULTS", () -> json("{\"project\":\"cats\",\"status\":\"completed\"}")),
                step(
                        "SCALE_AI_IMPORT_FILE",
                        () -> json("{\"file_url\":\"https://example.com/cat.png\"," + "\"project_name\":\"cats\"}")),
                step(
                        "SCALE_AI_UPLOAD_FILE",
                        () -> json("{\"file\":{\"name\":\"notes.txt\",\"content_base64\":\""
                                + Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))
                                + "\"},\"project_name\":\"cats\",\"display_name\":\"Notes\",\"metadata\":{\"a\":1}}")),
                step("SCALE_AI_GET_ASSETS", () -> json("{\"project\":\"cats\"}")),
                step("SCALE_AI_GET_TEAMS", () -> json("{}")),
                step(
                        "SCALE_AI_INVITE_TEAM_MEMBER",
                        () -> json("{\"emails\":[\"new@test.example\"],\"team_role\":\"member\"}")),
                step("SCALE_AI_LIST_USERS", () -> json("{\"limit\":1}")),
                step(
                        "SCALE_AI_CREATE_PROJECT",
                        () -> json("{\"name\":\"studio-p\",\"type\":\"imageannotation\"," + "\"studio\":true}")),
                step("SCALE_AI_CREATE_BATCH", () -> json("{\"project\":\"studio-p\",\"name\":\"studio-b\"}")),
                step("SCALE_AI_GET_STUDIO_ASSIGNMENTS", () -> json("{}")),
                step(
                        "SCALE_AI_ADD_STUDIO_ASSIGNMENTS",
                        () -> json("{\"emails\":[\"owner@test.example\"]," + "\"projects\":[\"studio-p\"]}")),
                step(
                        "SCALE_AI_REMOVE_STUDIO_ASSIGNMENTS",
                        () -> json("{\"emails\":[\"owner@test.example\"]," + "\"projects\":[\"studio-p\"]}")),
                step("SCALE_AI_GET_STUDIO_BATCHES", () -> json("{\"full\":true}")),
                DynamicTest.dynamicTest("SCALE_AI_SET_BATCH_PRIORITIES", this::setPriorities),
                step("SCALE_AI_RESET_BATCH_PRIORITIES", () -> json("{}")),
                step("SCALE_AI_GET_QUALITY_LABELERS", () -> json("{\"labeler_emails\":[\"owner@test.example\"]}")),
                DynamicTest.dynamicTest(
                        "every tool was exercised",
                        () -> assertThat(called)
                                .containsAll(tools.list(Profile.FULL).stream()
                                        .map(ToolSpec::slug)
                                        .toList())));
    }

    private void cancelFreshTask() {
        String id = call(
                        "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                        json("{\"project\":\"cats\",\"attachment\":\"https://example.com/d.png\",\"geometries\":"
                                + GEOMETRIES + ",\"unique_id\":\"to-cancel\"}"))
                .get("task_id")
                .asString();
        JsonNode canceled = call("SCALE_AI_CANCEL_TASK", json("{\"task_id\":\"" + id + "\",\"clear_unique_id\":true}"));
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(canceled.has("unique_id")).isFalse();
    }

    private void waitForImageTask() {
        JsonNode waited = call(
                "SCALE_AI_WAIT_FOR_TASK",
                json("{\"task_id\":\"" + imageTask + "\",\"timeout_seconds\":60,\"poll_interval_seconds\":0.3}"));
        assertThat(waited.get("finished").asBoolean()).isTrue();
        assertThat(waited.at("/task/status").asString()).isEqualTo("completed");
        assertThat(progress).anyMatch(m -> m.contains(imageTask));
    }

    private void createOtherTypes() {
        record Create(String slug, String type, String args) {}
        List<Create> creates = List.of(
                new Create(
                        "SCALE_AI_CREATE_DOCUMENT_TRANSCRIPTION_TASK",
                        "documenttranscription",
                        "{\"attachment\":\"https://example.com/doc.pdf\",\"features\":[{\"type\":\"block\",\"label\":\"total\"}],"
                                + "\"geometry\":\"box\",\"priority\":30}"),
                new Create(
                        "SCALE_AI_CREATE_LIDAR_ANNOTATION_TASK",
                        "lidarannotation",
                        "{\"attachments\":[\"https://example.com/f1.json\"],\"attachment_type\":\"json\",\"labels\":[\"car\"]}"),
                new Create(
                        "SCALE_AI_CREATE_LIDAR_SEGMENTATION_TASK",
                        "lidarsegmentation",
                        "{\"attachments\":[\"https://example.com/f1.json\"],\"attachment_type\":\"json\",\"labels\":[\"road\"]}"),
                new Create(
                        "SCALE_AI_CREATE_NAMED_ENTITY_RECOGNITION_TASK",
                        "namedentityrecognition",
                        "{\"text\":\"Ada met Alan in London.\",\"labels\":[{\"name\":\"PERSON\"}]}"),
                new Create(
                        "SCALE_AI_CREATE_SEGMENTATION_ANNOTATION_TASK",
                        "segmentannotation",
                        "{\"attachment\":\"https://example.com/s.png\",\"labels\":[\"road\",{\"choice\":\"car\"}]}"),
                new Create(
                        "SCALE_AI_CREATE_TEXT_COLLECTION_TASK",
                        "textcollection",
                        "{\"fields\":[{\"type\":\"text\",\"field_id\":\"summary\",\"title\":\"Summary\"}],"
                                + "\"attachments\":[{\"type\":\"text\",\"content\":\"Some text\"}]}"),
                new Create(
                        "SCALE_AI_CREATE_VIDEO_ANNOTATION_TASK",
                        "videoannotation",
                        "{\"attachment_type\":\"video\",\"attachment\":\"https://example.com/v.mp4\",\"geometries\":"
                                + GEOMETRIES + "}"),
                new Create(
                        "SCALE_AI_CREATE_VIDEO_PLAYBACK_ANNOTATION_TASK",
                        "videoplaybackannotation",
                        "{\"attachment\":\"https://example.com/v.mp4\",\"geometries\":" + GEOMETRIES + "}"));
        List<String> failures = new ArrayList<>();
        for (Create c : creates) {
            called.add(c.slug());
            // one project per type: Scale binds a project to a single task type
            tools.call(
                    "SCALE_AI_CREATE_PROJECT",
                    json("{\"name\":\"p-" + c.type() + "\",\"type\":\"" + c.type() + "\"}"),
                    null);
            ObjectNode args = json(c.args()).put("project", "p-" + c.type()).put("instruction", "Please label.");
            ToolResult r = tools.call(c.slug(), args, null);
            if (!r.successful()) {
                failures.add(c.slug() + ": " + r.error());
            } else {
                assertThat(tools.checkOutput(c.slug(), r.data())).as(c.slug()).isEmpty();
                assertThat(r.data().get("type").asString()).isEqualTo(c.type());
                if (c.type().equals("segmentannotation")) {
                    segmentationTask = r.data().get("task_id").asString();
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void secureResponse() {
        assertThat(segmentationTask).as("the segmentation task created earlier").isNotNull();
        JsonNode task = call(
                        "SCALE_AI_WAIT_FOR_TASK",
                        json("{\"task_id\":\"" + segmentationTask
                                + "\",\"timeout_seconds\":60,\"poll_interval_seconds\":0.3}"))
                .get("task");
        String text = task.path("response").toString();
        int at = text.indexOf("/response_url/");
        assertThat(at).as("a secure response URL in " + text).isPositive();
        String uuid = text.substring(at + "/response_url/".length()).split("[\"?/]")[0];
        JsonNode file = call(
                "GET_SECURE_TASK_RESPONSE_URL",
                json("{\"task_id\":\"" + segmentationTask + "\",\"uuid\":\"" + uuid + "\"}"));
        assertThat(file.get("size").asInt()).isPositive();
    }

    private void bulkCreate() {
        JsonNode out = call(
                "SCALE_AI_CREATE_TASKS_FROM_JSONL",
                json("{\"type\":\"imageannotation\",\"project\":\"cats\","
                        + "\"jsonl\":"
                        + ScaleJson.mapper()
                                .writeValueAsString("{\"attachment\":\"https://example.com/1.png\",\"geometries\":"
                                        + GEOMETRIES + ",\"unique_id\":\"bulk-1\"}\n"
                                        + "\n{\"attachment\":\"https://example.com/2.png\",\"geometries\":" + GEOMETRIES
                                        + ",\"unique_id\":\"bulk-1\"}\n")
                        + "}"));
        assertThat(out.get("created").asInt()).isEqualTo(1);
        assertThat(out.get("failed").asInt()).isEqualTo(1);
        assertThat(out.at("/results/1/line").asInt()).isEqualTo(3);
        assertThat(out.at("/results/1/error/code").asString()).isEqualTo("conflict");
    }

    private void setPriorities() {
        called.add("SCALE_AI_SET_BATCH_PRIORITIES");
        JsonNode batches = call("SCALE_AI_GET_STUDIO_BATCHES", json("{}")).get("docs");
        assertThat(batches)
                .as("pending Studio batches (studio-b was created above)")
                .isNotEmpty();
        ObjectNode args = json("{}");
        var list = args.putArray("batches");
        batches.forEach(b -> list.addObject().put("name", b.get("name").asString()));
        call("SCALE_AI_SET_BATCH_PRIORITIES", args);
    }

    @Test
    void scaleErrorsBecomeCodedResults() {
        ToolResult missing = tools.call("SCALE_AI_GET_TASK", json("{\"task_id\":\"000000000000000000000000\"}"), null);
        assertThat(missing.successful()).isFalse();
        assertThat(missing.error().code()).isEqualTo("not_found");
        assertThat(missing.error().httpStatus()).isEqualTo(404);
        assertThat(missing.error().retryable()).isFalse();

        ToolRegistry badKey = ToolRegistry.load(ScaleBackend.http(scale.baseUrl(), "live_not_a_real_key"));
        ToolResult denied = badKey.call("SCALE_AI_LIST_PROJECTS", json("{}"), null);
        assertThat(denied.error().code()).isEqualTo("unauthorized");
        assertThat(denied.error().message()).doesNotContain("live_not_a_real_key");
    }
}
