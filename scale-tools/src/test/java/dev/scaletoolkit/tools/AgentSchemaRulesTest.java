package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.tools.adapter.AnthropicTools;
import dev.scaletoolkit.tools.adapter.OpenAiTools;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every tool must be accepted by the two big agent APIs. The OpenAI rules are those of strict function calling
 * (Structured Outputs' supported subset): object root without combinators, additionalProperties false and all
 * properties required on every object, optional values as nullable unions, only supported keywords and string
 * formats, at most 10 levels of nesting, 5000 properties and 1000 enum values. Anthropic tool use needs an
 * object input_schema and a name matching ^[a-zA-Z0-9_-]{1,64}$.
 */
class AgentSchemaRulesTest {
    // Written out here rather than taken from StrictSchemas, so the test checks the generator instead of echoing it.
    private static final Set<String> OPENAI_KEYWORDS = Set.of(
            "type",
            "description",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "enum",
            "const",
            "anyOf",
            "$ref",
            "$defs",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "minItems",
            "maxItems",
            "pattern",
            "format");
    private static final Set<String> OPENAI_FORMATS =
            Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");
    private static final Set<String> TYPES =
            Set.of("string", "number", "integer", "boolean", "object", "array", "null");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private final ToolRegistry registry = ToolRegistry.load(new ToolRegistryTest.NoCalls());

    @Test
    void strictVariantOfEveryToolFollowsOpenAiStrictRules() {
        List<String> problems = new ArrayList<>();
        for (ToolSpec tool : registry.list(Profile.FULL)) {
            ObjectNode strict = StrictSchemas.toStrict(tool.inputSchema());
            problems.addAll(openAiProblems(tool.slug(), strict));
            problems.addAll(optionalFieldsAreNullable(tool.slug(), tool.inputSchema(), strict));
            assertThat(SchemaSupport.metaSchemaProblems(strict)).as(tool.slug()).isEmpty();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void naturalSchemasAreClosedObjectsAndFollowAnthropicRules() {
        for (JsonNode tool : AnthropicTools.tools(registry, Profile.FULL)) {
            String name = tool.get("name").asString();
            assertThat(name).matches(NAME);
            assertThat(tool.get("description").asString()).isNotBlank().hasSizeLessThan(1024);
            JsonNode schema = tool.get("input_schema");
            assertThat(schema.get("type").asString()).as(name).isEqualTo("object");
            assertThat(schema.has("anyOf") || schema.has("oneOf") || schema.has("allOf"))
                    .as(name)
                    .isFalse();
            List<String> open = new ArrayList<>();
            walk(schema, name, (path, node) -> {
                if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
                    open.add(path + " lets unknown fields through");
                }
            });
            assertThat(open).isEmpty();
        }
    }

    @Test
    void openAiExportListsEveryToolAsAStrictFunction() {
        ObjectNode doc = OpenAiTools.document(registry, Profile.FULL, true);

        assertThat(doc.get("tools")).hasSize(registry.list(Profile.FULL).size());
        JsonNode first = doc.get("tools").get(0);
        assertThat(first.get("type").asString()).isEqualTo("function");
        assertThat(first.at("/function/strict").asBoolean()).isTrue();
        for (JsonNode t : doc.get("tools")) {
            assertThat(openAiProblems(t.at("/function/name").asString(), (ObjectNode) t.at("/function/parameters")))
                    .isEmpty();
        }
        assertThat(OpenAiTools.tools(registry, Profile.CORE, false))
                .hasSize(registry.list(Profile.CORE).size());
    }

    @Test
    void argumentsInStrictFormReachScaleAsNaturalArguments() {
        List<ScaleRequest> sent = new ArrayList<>();
        ScaleBackend recording = new ScaleBackend() {
            @Override
            public JsonNode send(ScaleRequest request) {
                sent.add(request);
                return ToolRegistryTest.json("{\"task_id\":\"5f0000000000000000000001\",\"status\":\"pending\"}");
            }

            @Override
            public Download download(String path) {
                throw new AssertionError();
            }
        };
        ToolRegistry tools = ToolRegistry.load(recording);
        // what a strict-mode model sends: every field present, unused ones null, open objects as JSON text
        ObjectNode strictArgs = (ObjectNode) ToolRegistryTest.json("{\"attachment\":\"https://x/cat.png\"}");
        ObjectNode strictSchema = StrictSchemas.toStrict(tools.find("SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK")
                .orElseThrow()
                .inputSchema());
        strictSchema.get("properties").propertyNames().forEach(n -> {
            if (!strictArgs.has(n)) {
                strictArgs.putNull(n);
            }
        });
        strictArgs.put("metadata", "{\"shard\": 7}");
        strictArgs.set(
                "geometries",
                ToolRegistryTest.json("{\"box\":{\"objects_to_annotate\":[\"cat\","
                        + "{\"choice\":\"dog\",\"description\":null,\"subchoices\":null}],\"min_width\":null,"
                        + "\"min_height\":null,\"min_vertices\":null,\"max_vertices\":null,\"can_rotate\":null,"
                        + "\"integer_pixels\":null},\"polygon\":null,\"line\":null,\"point\":null,\"cuboid\":null,"
                        + "\"ellipse\":null}"));

        ToolResult result = tools.call("SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", strictArgs, null);

        assertThat(result.successful()).as(String.valueOf(result.error())).isTrue();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body())
                .isEqualTo(ToolRegistryTest.json("{\"attachment\":\"https://x/cat.png\","
                        + "\"metadata\":{\"shard\":7},\"geometries\":{\"box\":{\"objects_to_annotate\":[\"cat\","
                        + "{\"choice\":\"dog\"}]}}}"));
    }

    static List<String> openAiProblems(String name, ObjectNode schema) {
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add(name + ": name breaks " + NAME.pattern());
        }
        if (!"object".equals(schema.path("type").asString())) {
            problems.add(name + ": root type must be the string \"object\"");
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf", "not", "enum")) {
            if (schema.has(combinator)) {
                problems.add(name + ": root may not use " + combinator);
            }
        }
        int[] counts = new int[2]; // properties, enum values
        walk(schema, name, (path, node) -> {
            for (String key : iterable(node)) {
                if (!OPENAI_KEYWORDS.contains(key)) {
                    problems.add(path + ": unsupported keyword " + key);
                }
            }
            Set<String> types = new HashSet<>();
            if (node.path("type").isString()) {
                types.add(node.get("type").asString());
            } else if (node.path("type").isArray()) {
                node.get("type").forEach(t -> types.add(t.asString()));
                if (types.size() != 2 || !types.contains("null")) {
                    problems.add(path + ": a type list must be [T, \"null\"]");
                }
            }
            if (!TYPES.containsAll(types)) {
                problems.add(path + ": unknown type " + types);
            }
            if (types.isEmpty() && !node.has("anyOf") && !node.has("$ref")) {
                problems.add(path + ": no type");
            }
            if (node.has("format")
                    && !OPENAI_FORMATS.contains(node.get("format").asString())) {
                problems.add(path + ": unsupported format " + node.get("format"));
            }
            if (node.has("$ref") && resolve(schema, node.get("$ref").asString()) == null) {
                problems.add(path + ": $ref does not resolve");
            }
            if (node.has("$ref") && node.size() > 1) {
                problems.add(path + ": $ref takes no sibling keywords, got " + iterable(node));
            }
            if (types.contains("object")) {
                if (!node.path("additionalProperties").isBoolean()
                        || node.get("additionalProperties").asBoolean()) {
                    problems.add(path + ": additionalProperties must be false");
                }
                Set<String> props = new HashSet<>(node.path("properties").propertyNames());
                Set<String> required = new HashSet<>();
                node.path("required").forEach(r -> required.add(r.asString()));
                if (!props.equals(required)) {
                    problems.add(path + ": every property must be required, got " + required + " of " + props);
                }
                counts[0] += props.size();
            }
            if (node.has("enum")) {
                counts[1] += node.get("enum").size();
                if (types.contains("null") && node.get("enum").valueStream().noneMatch(JsonNode::isNull)) {
                    problems.add(path + ": nullable enum must list null");
                }
            }
            if (depth(path) > 10) {
                problems.add(path + ": nested deeper than 10 levels");
            }
        });
        if (counts[0] > 5000 || counts[1] > 1000) {
            problems.add(name + ": too many properties or enum values");
        }
        return problems;
    }

    /** In the natural schema an optional property may be left out; in the strict one it must accept null. */
    private static List<String> optionalFieldsAreNullable(String name, ObjectNode natural, ObjectNode strict) {
        List<String> problems = new ArrayList<>();
        Set<String> required = new HashSet<>();
        natural.path("required").forEach(r -> required.add(r.asString()));
        for (String prop : natural.get("properties").propertyNames()) {
            JsonNode s = strict.get("properties").get(prop);
            boolean nullable =
                    s.path("type").isArray() && s.get("type").toString().contains("\"null\"")
                            || s.path("anyOf")
                                    .valueStream()
                                    .anyMatch(b -> "null".equals(b.path("type").asString()));
            if (nullable == required.contains(prop)) {
                problems.add(
                        name + "." + prop + (nullable ? ": required but nullable" : ": optional but not nullable"));
            }
        }
        return problems;
    }

    interface Visitor {
        void visit(String path, JsonNode schema);
    }

    /** Visits every sub-schema: properties, items, anyOf branches and $defs. */
    static void walk(JsonNode schema, String path, Visitor visitor) {
        visitor.visit(path, schema);
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            walk(p.getValue(), path + "." + p.getKey(), visitor);
        }
        for (Map.Entry<String, JsonNode> d : schema.path("$defs").properties()) {
            walk(d.getValue(), path + ".$defs." + d.getKey(), visitor);
        }
        if (schema.has("items")) {
            walk(schema.get("items"), path + "[]", visitor);
        }
        int i = 0;
        for (JsonNode branch : schema.path("anyOf")) {
            walk(branch, path + "|" + i++, visitor);
        }
    }

    private static JsonNode resolve(JsonNode root, String ref) {
        return ref.startsWith("#/$defs/") ? root.path("$defs").get(ref.substring(8)) : null;
    }

    private static int depth(String path) {
        return path.replaceAll("[^.\\[]", "").length();
    }

    private static Iterable<String> iterable(JsonNode node) {
        return node.propertyNames();
    }
}
