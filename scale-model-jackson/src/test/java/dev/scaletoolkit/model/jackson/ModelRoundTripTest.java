package dev.scaletoolkit.model.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.batch.BatchList;
import dev.scaletoolkit.model.batch.BatchProgress;
import dev.scaletoolkit.model.file.FileList;
import dev.scaletoolkit.model.file.ScaleFile;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.RecordCodec;
import dev.scaletoolkit.model.project.Project;
import dev.scaletoolkit.model.project.TaskTemplate;
import dev.scaletoolkit.model.quality.AuditList;
import dev.scaletoolkit.model.quality.LabelerAttemptList;
import dev.scaletoolkit.model.studio.ProjectGroup;
import dev.scaletoolkit.model.studio.StudioBatch;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskCallback;
import dev.scaletoolkit.model.task.TaskList;
import dev.scaletoolkit.model.team.Teammate;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every golden fixture is read into its typed model and written back; the result must be the same JSON (key
 * order aside), so no key Scale sends is ever lost, whether this version models it or not.
 */
class ModelRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyFixtureRoundTripsWithoutLosingAKey() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> fixture : Fixtures.all().entrySet()) {
            String name = fixture.getKey();
            JsonNode json = fixture.getValue();
            Class<?> type = FixtureTypes.modelFor(name, json.isArray() && !json.isEmpty() ? json.get(0) : json);
            if (type == null) {
                continue; // error envelopes, bare maps and other shapes without a model
            }
            tests.add(DynamicTest.dynamicTest(name + " as " + type.getSimpleName(), () -> {
                JsonNode written = roundTrip(json, type);
                assertThat(Fixtures.withoutNulls(written)).isEqualTo(Fixtures.withoutNulls(countsAsZero(json, type)));
            }));
        }
        assertThat(tests).as("fixtures with a model").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    /**
     * The same through {@link RecordCodec}, the binding the SDK uses so that it runs beside any Jackson version:
     * read, write back, and the JSON is unchanged.
     */
    @TestFactory
    Stream<DynamicTest> everyFixtureRoundTripsThroughTheJacksonFreeCodec() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> fixture : Fixtures.all().entrySet()) {
            String name = fixture.getKey();
            JsonNode json = fixture.getValue();
            Class<?> type = FixtureTypes.modelFor(name, json.isArray() && !json.isEmpty() ? json.get(0) : json);
            if (type == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name + " as " + type.getSimpleName(), () -> {
                var mapper = ScaleJson.mapper();
                java.lang.reflect.Type target = json.isArray() ? RecordCodec.listOf(type) : type;
                Object read = RecordCodec.read(mapper.writeValueAsString(json), target);
                JsonNode written = mapper.readTree(RecordCodec.toJson(read));
                assertThat(Fixtures.withoutNulls(written)).isEqualTo(Fixtures.withoutNulls(countsAsZero(json, type)));
                // and Jackson reads what the codec wrote, and writes it back the same
                if (!json.isArray()) {
                    Object viaJackson = mapper.readValue(RecordCodec.toJson(read), type);
                    assertThat(mapper.readTree(mapper.writeValueAsString(viaJackson)))
                            .isEqualTo(written);
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    @Test
    void jsonValueParsesWritesAndComparesLikeJson() {
        JsonValue v = JsonValue.parse("{\"a\":[1,2.5,\"x\\n\",true,null],\"b\":{\"c\":-3e2}}");
        assertThat(v.path("a").path(1).asDouble(0)).isEqualTo(2.5);
        assertThat(v.path("a").path(2).stringValue()).isEqualTo("x\n");
        assertThat(v.path("b").path("c").asDouble(0)).isEqualTo(-300.0);
        assertThat(v.path("missing").isNull()).isTrue();
        assertThat(JsonValue.parse(v.toJson())).isEqualTo(v);
        assertThat(JsonValue.parse("1")).isEqualTo(JsonValue.parse("1.0"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonValue.parse("{\"a\":}"))
                .hasMessageContaining("offset 5");
        // any Jackson mapper writes and reads it as the JSON it holds
        assertThat(ScaleJson.mapper().writeValueAsString(v)).isEqualTo(v.toJson());
        assertThat(ScaleJson.mapper().readValue(v.toJson(), JsonValue.class)).isEqualTo(v);
    }

    /** Batch progress reads an omitted count as 0 (never null), so it writes it back as 0. */
    private static JsonNode countsAsZero(JsonNode json, Class<?> type) {
        if (type != BatchProgress.class || !(json instanceof ObjectNode obj)) {
            return json;
        }
        ObjectNode copy = obj.deepCopy();
        for (String count : List.of("pending", "completed", "error", "canceled")) {
            if (!copy.has(count) || copy.get(count).isNull()) {
                copy.put(count, 0);
            }
        }
        return copy;
    }

    @Test
    void batchProgressCountsScaleOmitsReadAsZero() {
        BatchProgress p =
                ScaleJson.mapper().readValue("{\"status\":\"in_progress\",\"pending\":2}", BatchProgress.class);
        assertThat(p.pending()).isEqualTo(2);
        assertThat(p.completed()).isZero();
        assertThat(p.error()).isZero();
        assertThat(p.canceled()).isZero();
    }

    private static JsonNode roundTrip(JsonNode json, Class<?> type) {
        var mapper = ScaleJson.mapper();
        if (json.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            for (JsonNode element : json) {
                out.add(mapper.readTree(mapper.writeValueAsString(mapper.treeToValue(element, type))));
            }
            return out;
        }
        return mapper.readTree(mapper.writeValueAsString(mapper.treeToValue(json, type)));
    }

    @Test
    void unknownKeysAreKeptInExtraAndUnknownEnumValuesAreKept() {
        Task task = ScaleJson.mapper().treeToValue(Fixtures.read("client/task_with_future_status.json"), Task.class);
        assertThat(task.status().isKnown()).isFalse();
        assertThat(task.status().value()).isEqualTo("paused_by_scale");
        assertThat(task.type().isKnown()).isFalse();
        Task rich = ScaleJson.mapper().treeToValue(Fixtures.read("client/task_with_unknown_keys.json"), Task.class);
        assertThat(rich.extra()).containsKeys("a_field_scale_added_later", "urgency", "status_detail");
        assertThat(rich.audits().get(0).extra()).containsKey("reviewer_mood");
        assertThat(rich.status().known()).isEqualTo(dev.scaletoolkit.model.task.TaskStatus.Known.COMPLETED);
    }

    /** Picks the model for a fixture by its folder and the keys it carries. */
    static final class FixtureTypes {
        static Class<?> modelFor(String path, JsonNode node) {
            if (!(node instanceof ObjectNode)) {
                return null;
            }
            if (node.has("status_code") && node.has("error")) {
                return null;
            }
            String folder = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
            if (node.has("docs")) {
                switch (folder) {
                    case "tasks":
                        return TaskList.class;
                    case "batches":
                        return BatchList.class;
                    case "files":
                        return FileList.class;
                    case "quality":
                        return path.contains("labeler") ? LabelerAttemptList.class : AuditList.class;
                    default:
                        return node.has("next_token") ? TaskList.class : null;
                }
            }
            if (node.has("task") && node.has("task_id")) {
                return TaskCallback.class;
            }
            if (node.has("task_id")) {
                return Task.class;
            }
            if (node.has("param_history")) {
                return Project.class;
            }
            if (node.has("template_variables")) {
                return TaskTemplate.class;
            }
            if (node.has("attachment_url") && node.has("id")) {
                return ScaleFile.class;
            }
            if (node.has("batchType") || node.has("studioPriority")) {
                return StudioBatch.class;
            }
            if (node.has("numWorkers")) {
                return ProjectGroup.class;
            }
            if (node.has("email") && node.has("role")) {
                return Teammate.class;
            }
            if (node.has("name") && node.has("project") && node.has("status")) {
                return Batch.class;
            }
            if (node.has("status") && !node.has("name") && (node.has("pending") || node.has("completed"))) {
                return BatchProgress.class;
            }
            return null;
        }
    }

    /** Reads the golden fixtures from the class path (a directory in the IDE, a jar in a packaged build). */
    static final class Fixtures {
        static Map<String, JsonNode> all() throws IOException {
            URL root = Fixtures.class.getClassLoader().getResource("scale/fixtures");
            assertThat(root).as("scale-fixtures on the test class path").isNotNull();
            Map<String, JsonNode> out = new java.util.TreeMap<>();
            URI uri = URI.create(root.toString());
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    collect(fs.getPath("scale/fixtures"), out);
                }
            } else {
                collect(Path.of(uri), out);
            }
            return out;
        }

        private static void collect(Path base, Map<String, JsonNode> out) throws IOException {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    out.put(
                            base.relativize(p).toString().replace('\\', '/'),
                            ScaleJson.mapper().readTree(Files.readString(p)));
                }
            }
        }

        static JsonNode read(String name) {
            try (var in = Fixtures.class.getClassLoader().getResourceAsStream("scale/fixtures/" + name)) {
                return ScaleJson.mapper().readTree(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Drops null-valued keys: a null and an absent key mean the same to Scale, and the SDK writes neither. */
        static JsonNode withoutNulls(JsonNode node) {
            if (node instanceof ObjectNode obj) {
                ObjectNode copy = ScaleJson.mapper().createObjectNode();
                for (Map.Entry<String, JsonNode> e : obj.properties()) {
                    if (!e.getValue().isNull()) {
                        copy.set(e.getKey(), withoutNulls(e.getValue()));
                    }
                }
                return copy;
            }
            if (node instanceof ArrayNode arr) {
                ArrayNode copy = ScaleJson.mapper().createArrayNode();
                arr.forEach(e -> copy.add(withoutNulls(e)));
                return copy;
            }
            return node;
        }
    }
}
