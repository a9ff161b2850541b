package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolRegistryTest {
    /** The tools this toolkit adds beyond the 41 seed operations. */
    static final Set<String> EXTENSIONS = Set.of(
            "SCALE_AI_CREATE_PROJECT",
            "SCALE_AI_CREATE_TASK",
            "SCALE_AI_CANCEL_TASK",
            "SCALE_AI_AUDIT_TASK",
            "SCALE_AI_WAIT_FOR_TASK",
            "SCALE_AI_WAIT_FOR_BATCH",
            "SCALE_AI_CREATE_TASKS_FROM_JSONL",
            "SCALE_AI_EXPORT_RESULTS",
            "SCALE_AI_LIST_USERS");

    /** Records requests and fails the test if any is sent. */
    static final class NoCalls implements ScaleBackend {
        final List<ScaleRequest> sent = new ArrayList<>();

        @Override
        public JsonNode send(ScaleRequest request) {
            sent.add(request);
            throw new AssertionError("no request expected, got " + request.method() + " " + request.path());
        }

        @Override
        public Download download(String path) {
            throw new AssertionError("no download expected");
        }
    }

    private final NoCalls backend = new NoCalls();
    private final ToolRegistry registry = ToolRegistry.load(backend);

    static JsonNode json(String text) {
        return ScaleJson.mapper().readTree(text);
    }

    /**
     * The seed operations: slugs and input fields extracted from the shared spec (tools-from-seeds.json) into a
     * test resource, so the check runs anywhere; when the shared spec is present it must agree with the extract.
     */
    static JsonNode seeds() throws Exception {
        JsonNode extract;
        try (var in = ToolRegistryTest.class.getResourceAsStream("/seed-tools.json")) {
            extract = ScaleJson.mapper().readTree(in);
        }
        // The project's shared references sit beside the repository (tests run in the module directory).
        Path shared = Path.of("..", "..", "shared", "spec", "tools-from-seeds.json");
        if (Files.exists(shared)) {
            Set<String> sharedSlugs = new TreeSet<>();
            ScaleJson.mapper()
                    .readTree(Files.readString(shared))
                    .forEach(t -> sharedSlugs.add(t.get("slug").asString()));
            assertThat(slugs(extract)).isEqualTo(sharedSlugs);
        }
        return extract;
    }

    static Set<String> slugs(JsonNode seeds) {
        Set<String> out = new TreeSet<>();
        seeds.forEach(t -> out.add(t.get("slug").asString()));
        return out;
    }

    @Test
    void catalogHoldsExactlyTheFortyOneSeedSlugsPlusTheExtensions() throws Exception {
        Set<String> listed =
                registry.list(Profile.FULL).stream().map(ToolSpec::slug).collect(Collectors.toSet());
        Set<String> seeds = new TreeSet<>(listed);
        seeds.removeAll(EXTENSIONS);

        assertThat(seeds).hasSize(41).isEqualTo(slugs(seeds()));
        assertThat(listed).containsAll(EXTENSIONS).hasSize(41 + EXTENSIONS.size());
    }

    /**
     * Fields the seed lists as optional that Scale requires (shared/spec wins over the seed): a text collection task
     * without attachments is refused with {@code "attachments" is required}.
     */
    private static final Set<String> REQUIRED_BY_SCALE = Set.of("SCALE_AI_CREATE_TEXT_COLLECTION_TASK.attachments");

    @Test
    void seedFieldNamesAndRequiredFlagsAreKept() throws Exception {
        for (JsonNode seed : seeds()) {
            ToolSpec tool = registry.find(seed.get("slug").asString()).orElseThrow();
            Set<String> required = new TreeSet<>();
            tool.inputSchema().path("required").forEach(r -> required.add(r.asString()));
            for (JsonNode field : seed.get("input")) {
                String name = field.get("name").asString();
                assertThat(tool.inputSchema().path("properties").has(name))
                        .as(tool.slug() + " has " + name)
                        .isTrue();
                boolean seedRequired =
                        field.path("required").asBoolean(false) || REQUIRED_BY_SCALE.contains(tool.slug() + "." + name);
                assertThat(required.contains(name))
                        .as(tool.slug() + "." + name + " required")
                        .isEqualTo(seedRequired);
            }
        }
    }

    @Test
    void aliasesAndNamesWithoutPrefixResolve() {
        assertThat(registry.find("GET_TASK_BY_ID").orElseThrow().slug()).isEqualTo("SCALE_AI_GET_V1_TASK");
        assertThat(registry.find("SCALE_AI_GET_SECURE_TASK_RESPONSE_URL")
                        .orElseThrow()
                        .slug())
                .isEqualTo("SCALE_AI_GET_V1_TASK_RESPONSE_URL");
        assertThat(registry.find("re_send_task_callback").orElseThrow().slug())
                .isEqualTo("SCALE_AI_POST_V1_TASK_SEND_CALLBACK");
        assertThat(registry.find("SET_PROJECT_PARAMETERS").orElseThrow().slug())
                .isEqualTo("SCALE_AI_SET_PROJECT_PARAMS");
        assertThat(registry.find("LIST_TASKS").orElseThrow().slug()).isEqualTo("SCALE_AI_LIST_TASKS");
        assertThat(registry.find("NO_SUCH_TOOL")).isEmpty();
    }

    @Test
    void profilesSelectCoreReadonlyAndFull() {
        List<ToolSpec> core = registry.list(Profile.CORE);
        assertThat(core).hasSizeBetween(8, 12);
        assertThat(core)
                .extracting(ToolSpec::slug)
                .contains(
                        "SCALE_AI_GET_TASK", "SCALE_AI_LIST_TASKS", "SCALE_AI_CREATE_PROJECT", "SCALE_AI_CREATE_TASK");
        assertThat(registry.list(Profile.READONLY))
                .extracting(ToolSpec::slug)
                .doesNotContain("SCALE_AI_EXPORT_RESULTS");
        assertThat(registry.find("EXPORT_RESULTS")
                        .orElseThrow()
                        .annotations()
                        .path("idempotentHint")
                        .asBoolean())
                .as("an export that refuses to overwrite is not idempotent")
                .isFalse();
        assertThat(registry.list(Profile.READONLY))
                .allMatch(ToolSpec::readOnly)
                .extracting(ToolSpec::slug)
                .contains("SCALE_AI_GET_TASK")
                .doesNotContain("SCALE_AI_CANCEL_TASK", "SCALE_AI_CREATE_BATCH");
        assertThat(registry.list(Profile.FULL)).hasSize(50);
    }

    @Test
    void invalidInputNamesEveryBadFieldBeforeAnyRequest() {
        ToolResult result = registry.call(
                "SCALE_AI_LIST_TASKS",
                json("{\"limit\": 500, \"status\": [\"done\"], \"colour\": \"red\", \"full\": \"yes\"}"),
                null);

        assertThat(result.successful()).isFalse();
        assertThat(result.error().code()).isEqualTo("invalid_input");
        assertThat(result.error().problems())
                .extracting(ToolError.Problem::field)
                .contains("limit", "status[0]", "colour", "full");
        assertThat(result.error().message()).contains("limit", "100", "status[0]", "colour", "full", "boolean");
        assertThat(backend.sent).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        ToolResult result = registry.call("SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json("{}"), null);

        assertThat(result.error().problems())
                .extracting(ToolError.Problem::field)
                .containsExactlyInAnyOrder("attachment", "geometries");
        assertThat(result.error().message()).contains("is required");
    }

    @Test
    void nestedGeometryProblemsCarryTheirPath() {
        ToolResult result = registry.call(
                "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                json("{\"attachment\":\"https://x/y.png\",\"geometries\":{\"box\":{\"min_width\":-1},\"hexagon\":{}}}"),
                null);

        assertThat(result.error().problems())
                .extracting(ToolError.Problem::field)
                .contains("geometries.box.objects_to_annotate", "geometries.box.min_width", "geometries.hexagon");
    }

    @Test
    void ruleBeyondTheSchemaIsReportedAsInvalidInput() {
        ToolResult result = registry.call("SCALE_AI_GET_FIXLESS_AUDITS", json("{}"), null);

        assertThat(result.error().code()).isEqualTo("invalid_input");
        assertThat(result.error().message()).contains("task_id", "id");
        assertThat(backend.sent).isEmpty();
    }

    @Test
    void unknownToolAndNonObjectArgumentsComeBackAsResults() {
        assertThat(registry.call("SCALE_AI_NOPE", null, null).error().code()).isEqualTo("unknown_tool");
        ToolResult notObject = registry.call("SCALE_AI_GET_TASK", json("[1]"), null);
        assertThat(notObject.error().code()).isEqualTo("invalid_input");
        assertThat(notObject.toJson().has("data")).isTrue();
        assertThat(notObject.toJson().get("error").has("retry_after_seconds")).isTrue();
    }

    @Test
    void refusesToStartWhenSchemasAndHandlersDisagree() {
        HandlerTable handlers = new HandlerTable()
                .add("SCALE_AI_GOOD", call -> call.args())
                .add("SCALE_AI_ORPHAN", call -> call.args());

        assertThatThrownBy(() -> ToolRegistry.load(backend, handlers, "broken-tools"))
                .isInstanceOf(ToolRegistryException.class)
                .satisfies(e -> assertThat(((ToolRegistryException) e).problems())
                        .anyMatch(p -> p.startsWith("SCALE_AI_ORPHAN: handler without a schema file"))
                        .anyMatch(p -> p.startsWith("SCALE_AI_NO_HANDLER: no handler"))
                        .noneMatch(p -> p.startsWith("SCALE_AI_GOOD")));
    }

    @Test
    void everyShippedSchemaIsValidJsonSchemaAndCompiles() {
        // checked here rather than at every start: the catalog is inside the jar and cannot change after the build
        assertThat(ToolCatalog.schemaProblems(ToolCatalog.DEFAULT_DIR)).isEmpty();
    }

    @Test
    void aSchemaThatBreaksTheMetaSchemaIsCaughtByTheBuildCheck() {
        assertThat(ToolCatalog.schemaProblems("broken-tools"))
                .anyMatch(p -> p.startsWith("SCALE_AI_BAD_SCHEMA: inputSchema"))
                .noneMatch(p -> p.startsWith("SCALE_AI_GOOD"));
    }
}
