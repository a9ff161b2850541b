package dev.scaletoolkit.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.SchemaSupport;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.task.TaskCreateTools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Schema = server: for every tool (all of them, from each tool's input schema, which is data), inputs that pass the
 * schema are sent to a real emulator over HTTP. Each call must succeed with data that fits the output schema, or be
 * refused with {@code not_found} or {@code conflict} (the thing named is missing or in the wrong state), or with a
 * refusal listed in {@link #DOCUMENTED}, whose text the tool's description must contain. Any other refusal of a
 * schema-valid input (above all {@code invalid_input}) means the schema and the server disagree: one of them is wrong.
 *
 * <p>Each try sends one input to every tool; three tries keep the run short, as it is part of verify (raise
 * {@code tries} for a longer search; jqwik prints the seed of a failing run and replays it first next time).
 */
class SchemaServerAgreementTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Refusals of schema-valid input that a tool documents (a rule across fields that JSON Schema, as the agent APIs
     * accept it, cannot state): tool → the words of its description that say so.
     */
    static final Map<String, String> DOCUMENTED = Map.ofEntries(
            Map.entry("SCALE_AI_GET_QUALITY_LABELERS", "give at least one"),
            Map.entry("SCALE_AI_GET_FIXLESS_AUDITS", "give at least one"),
            Map.entry("SCALE_AI_EXPORT_RESULTS", "of a project or batch"),
            Map.entry("SCALE_AI_CANCEL_TASK", "fails for completed ones"),
            Map.entry("SCALE_AI_POST_V1_TASK_SEND_CALLBACK", "fails for a task created without one"),
            Map.entry(
                    "SCALE_AI_CREATE_VIDEO_ANNOTATION_TASK",
                    "Send attachment with attachment_type video, or attachments"),
            Map.entry("SCALE_AI_CREATE_DOCUMENT_TRANSCRIPTION_TASK", "Give attachment or attachments"),
            Map.entry("SCALE_AI_ADD_TASK_TAGS", "a task holds at most 5"),
            Map.entry("SCALE_AI_UPLOAD_FILE", "from base64 content or a local path"),
            Map.entry("SCALE_AI_SET_BATCH_PRIORITIES", "list every pending batch"),
            Map.entry("SCALE_AI_CREATE_PROJECT", "Studio projects only (send studio: true with it)"));

    private static TestEmulator scale;
    private static HttpServer files;
    private static ToolRegistry tools;
    private static Path exports;
    private static String fileBase;
    private static final Map<String, String> taskIds = new LinkedHashMap<>();
    private static final AtomicInteger fresh = new AtomicInteger();
    private static final List<String> studioBatches = new ArrayList<>();
    private static final String TEAMMATE = "teammate@example.com";
    private static final String IMAGE_PARAMS =
            "{\"project\":\"st_imageannotation\",\"attachment\":\"%s/p.png\",\"geometries\":{\"box\":"
                    + "{\"objects_to_annotate\":[\"car\"]}}}";

    @BeforeContainer
    static void start() throws IOException {
        // what imports fetch and callbacks reach: a small local server (the test emulator allows loopback)
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            byte[] body = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        files.start();
        fileBase = "http://127.0.0.1:" + files.getAddress().getPort();
        exports = Files.createTempDirectory("schema-exports");
        scale = TestEmulator.start(b -> b.workforceDelay(Duration.ofMillis(50)));
        tools = ToolRegistry.load(
                ScaleBackend.http(scale.baseUrl(), scale.account().liveKey()));
        for (String type : TaskCreateTools.TYPES.values()) {
            ok("SCALE_AI_CREATE_PROJECT", "{\"name\":\"st_" + type + "\",\"type\":\"" + type + "\"}");
            ok("SCALE_AI_CREATE_BATCH", "{\"project\":\"st_" + type + "\",\"name\":\"st_" + type + "_b\"}");
        }
        JsonNode task = ok(
                "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                "{\"project\":\"st_imageannotation\",\"attachment\":\"" + fileBase + "/a.png\","
                        + "\"geometries\":{\"box\":{\"objects_to_annotate\":[\"car\"]}}}");
        taskIds.put("imageannotation", task.path("task_id").asString());
        ok("SCALE_AI_CREATE_PROJECT", "{\"name\":\"st_studio\",\"type\":\"imageannotation\",\"studio\":true}");
        ok("SCALE_AI_INVITE_TEAM_MEMBER", "{\"emails\":[\"" + TEAMMATE + "\"],\"team_role\":\"labeler\"}");
        for (JsonNode b : ok("SCALE_AI_GET_STUDIO_BATCHES", "{\"full\":true}").path("items")) {
            studioBatches.add(b.path("name").asString());
        }
    }

    @AfterContainer
    static void stop() {
        if (scale != null) {
            scale.close();
        }
        if (files != null) {
            files.stop(0);
        }
    }

    private static JsonNode ok(String slug, String args) {
        ToolResult r = tools.call(slug, ScaleJson.mapper().readTree(args), null);
        assertThat(r.successful()).as(slug + " (set-up) " + r.error()).isTrue();
        return r.data();
    }

    /** One generated input per tool. */
    record Round(List<Map.Entry<String, JsonNode>> inputs) {}

    @Provide
    Arbitrary<Round> rounds() {
        List<Arbitrary<Map.Entry<String, JsonNode>>> perTool = new ArrayList<>();
        for (ToolSpec spec : tools.list(Profile.FULL)) {
            var schema = SchemaSupport.compile(spec.inputSchema());
            Arbitrary<JsonNode> args = SchemaArbitraries.forSchema(spec.inputSchema(), hints(spec.slug()))
                    // what the generator cannot express (a pattern, minProperties) is left to the schema itself
                    .filter(a -> SchemaSupport.problems(schema, a).isEmpty());
            perTool.add(args.map(a -> Map.entry(spec.slug(), a)));
        }
        return Combinators.combine(perTool).as(Round::new);
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void everySchemaValidInputIsAcceptedOrRefusedAsDocumented(@ForAll("rounds") Round round) {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> input : round.inputs()) {
            String slug = input.getKey();
            ToolResult r = tools.call(slug, input.getValue(), null);
            String what = slug + " " + input.getValue();
            if (r.successful()) {
                List<ToolError.Problem> output = tools.checkOutput(slug, r.data());
                if (!output.isEmpty()) {
                    disagreements.add(what + "\n    answer breaks the output schema: " + output);
                }
                continue;
            }
            ToolError e = r.error();
            boolean refusedAsDocumented =
                    Set.of(ToolError.Code.NOT_FOUND, ToolError.Code.CONFLICT).contains(e.code())
                            || (e.code().equals(ToolError.Code.INVALID_INPUT)
                                    && DOCUMENTED.containsKey(slug)
                                    && documentation(slug).contains(DOCUMENTED.get(slug)));
            if (!refusedAsDocumented) {
                disagreements.add(what + "\n    refused: " + e.code() + " " + e.message() + " " + e.problems());
            }
        }
        assertThat(disagreements)
                .as("schema-valid inputs the server does not take as documented")
                .isEmpty();
    }

    /**
     * Issue 18, Why 6: {@code GET_QUALITY_LABELERS {}} passed its schema and came back as a bare invalid_input from
     * the server. It is now refused before any request, naming both fields, as its description says.
     */
    @net.jqwik.api.Example
    void labelersWithoutAFilterAreRefusedBeforeAnyRequestNamingBothFields() {
        ToolResult r = tools.call("SCALE_AI_GET_QUALITY_LABELERS", JSON.objectNode(), null);
        assertThat(r.successful()).isFalse();
        assertThat(r.error().code()).isEqualTo(ToolError.Code.INVALID_INPUT);
        assertThat(r.error().httpStatus()).as("no request was sent").isNull();
        assertThat(r.error().problems())
                .extracting(ToolError.Problem::field)
                .containsExactlyInAnyOrder("quality_task_ids", "labeler_emails");
        assertThat(documentation("SCALE_AI_GET_QUALITY_LABELERS")).contains("give at least one");
    }

    /**
     * Issue 18, Why 6: a text collection task without attachments passed its schema and Scale's answer was
     * {@code "attachments" is required}; the schema now requires them, so the refusal names the field up front.
     */
    @net.jqwik.api.Example
    void aTextCollectionTaskWithoutAttachmentsIsRefusedByItsSchema() {
        ToolResult r = tools.call(
                "SCALE_AI_CREATE_TEXT_COLLECTION_TASK",
                ScaleJson.mapper()
                        .readTree("{\"project\":\"st_textcollection\",\"instruction\":\"Describe it\","
                                + "\"fields\":[{\"type\":\"text\",\"field_id\":\"what\",\"title\":\"What?\"}]}"),
                null);
        assertThat(r.successful()).isFalse();
        assertThat(r.error().httpStatus()).as("no request was sent").isNull();
        assertThat(r.error().problems()).extracting(ToolError.Problem::field).contains("attachments");
    }

    /** What an agent reads about a tool: its description and its input schema (with each field's description). */
    private static String documentation(String slug) {
        ToolSpec spec = tools.find(slug).orElseThrow();
        return spec.description() + "\n" + spec.inputSchema();
    }

    // ---- what the schemas leave open: values with meaning ----

    private static Map<String, Arbitrary<JsonNode>> hints(String slug) {
        Map<String, Arbitrary<JsonNode>> h = new HashMap<>();
        String type = TaskCreateTools.TYPES.getOrDefault(slug, "imageannotation");
        h.put("project", text("st_" + type));
        h.put("project_name", text("st_" + type));
        h.put("batch", text("st_" + type + "_b"));
        h.put("batch_name", text("st_" + type + "_b"));
        h.put("task_id", Arbitraries.of(List.copyOf(taskIds.values())).map(JSON::stringNode));
        h.put("quality_task_ids", Arbitraries.just(JSON.arrayNode().add(taskIds.get("imageannotation"))));
        for (String url : List.of("attachment", "callback_url", "callback", "file_url")) {
            h.put(
                    url,
                    Arbitraries.strings()
                            .alpha()
                            .ofMinLength(1)
                            .ofMaxLength(6)
                            .map(s -> JSON.stringNode(fileBase + "/" + s + ".png")));
        }
        for (String time : List.of(
                "start_time", "end_time", "updated_after", "updated_before", "completed_after", "completed_before")) {
            h.put(
                    time,
                    Arbitraries.longs()
                            .between(0, 400L * 86_400)
                            .map(s -> JSON.stringNode(Instant.parse("2026-01-01T00:00:00Z")
                                    .plusSeconds(s)
                                    .toString())));
        }
        // always given: the defaults would have a waiting tool wait for a minute
        h.put(SchemaArbitraries.ALWAYS + "timeout_seconds", Arbitraries.of(JSON.numberNode(1)));
        h.put(SchemaArbitraries.ALWAYS + "poll_interval_seconds", Arbitraries.of(JSON.numberNode(0.2)));
        h.put(
                "output_path",
                Arbitraries.create(() -> JSON.stringNode(exports.resolve("out-" + fresh.incrementAndGet() + ".jsonl")
                        .toString())));
        h.put("file_path", SchemaArbitraries.OMIT);
        h.put("next_token", SchemaArbitraries.OMIT);
        h.put("cursor", SchemaArbitraries.OMIT);
        h.put("content_base64", Arbitraries.just(JSON.stringNode("iVBORw0KGgo=")));
        h.put("emails", Arbitraries.just(JSON.arrayNode().add(TEAMMATE)));
        h.put("projects", Arbitraries.just(JSON.arrayNode().add("st_imageannotation")));
        if (slug.contains("STUDIO_ASSIGNMENTS")) {
            h.put(
                    "emails",
                    Arbitraries.just(JSON.arrayNode().add(scale.account().email())));
            h.put("projects", Arbitraries.just(JSON.arrayNode().add("st_studio")));
        }
        h.put(
                "labeler_emails",
                SchemaArbitraries.emails().map(e -> JSON.arrayNode().add(e)));
        if (slug.equals("SCALE_AI_CREATE_PROJECT") || slug.equals("SCALE_AI_CREATE_BATCH")) {
            h.put("name", Arbitraries.create(() -> JSON.stringNode("gen_" + fresh.incrementAndGet())));
        } else if (slug.equals("SCALE_AI_GET_PROJECT") || slug.equals("SCALE_AI_SET_PROJECT_PARAMS")) {
            h.put("name", text("st_imageannotation"));
        }
        if (slug.equals("SCALE_AI_CREATE_PROJECT")) {
            h.put(
                    "type",
                    Arbitraries.of(List.copyOf(TaskCreateTools.TYPES.values())).map(JSON::stringNode));
        }
        if (slug.equals("SCALE_AI_CREATE_TASK") || slug.equals("SCALE_AI_CREATE_TASKS_FROM_JSONL")) {
            h.put("type", text("imageannotation"));
            String params = String.format(IMAGE_PARAMS, fileBase);
            h.put("params", Arbitraries.just(ScaleJson.mapper().readTree(params)));
            h.put("jsonl", Arbitraries.integers().between(1, 3).map(n -> JSON.stringNode((params + "\n").repeat(n))));
        }
        if (slug.equals("SCALE_AI_GET_ASSETS")) {
            h.put("metadata", Arbitraries.of("{}", "{\"camera\":\"front\"}").map(JSON::stringNode));
        }
        if (slug.equals("SCALE_AI_SET_BATCH_PRIORITIES") && !studioBatches.isEmpty()) {
            h.put("name", Arbitraries.of(studioBatches).map(JSON::stringNode));
        }
        return h;
    }

    private static Arbitrary<JsonNode> text(String value) {
        return Arbitraries.just(JSON.stringNode(value));
    }
}
