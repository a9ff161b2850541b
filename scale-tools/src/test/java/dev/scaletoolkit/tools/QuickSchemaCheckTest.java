package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shortcut in front of the validator may only ever say "valid" where the validator finds nothing: checked on
 * every tool's input schema with arguments made from it, right and wrong in many ways. And it must actually
 * answer for the plain calls the CLI makes, or the validator's start-up is paid anyway.
 */
class QuickSchemaCheckTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void neverSaysValidWhereTheValidatorFindsAProblem() {
        int sure = 0;
        int checked = 0;
        for (ToolSpec spec : ToolCatalog.load(ToolCatalog.DEFAULT_DIR).specs()) {
            ObjectNode schema = spec.inputSchema();
            var compiled = SchemaSupport.compile(schema);
            for (JsonNode args : candidates(schema)) {
                checked++;
                if (QuickSchemaCheck.surelyValid(schema, args)) {
                    sure++;
                    assertThat(SchemaSupport.problems(compiled, args))
                            .as(spec.slug() + " " + args)
                            .isEmpty();
                }
            }
        }
        // not vacuous: plenty of the arguments were answered without the validator
        assertThat(sure).as("answered without the validator, of " + checked).isGreaterThan(100);
    }

    @Test
    void answersThePlainCallsOfShortCommands() {
        Map<String, String> calls = Map.of(
                "SCALE_AI_LIST_TASKS", "{}",
                "SCALE_AI_LIST_PROJECTS", "{}",
                "SCALE_AI_GET_TASK", "{\"task_id\":\"6b16d349776c1730b3a91446\"}",
                "SCALE_AI_GET_BATCH_STATUS", "{\"batch_name\":\"cats-1\"}",
                "SCALE_AI_LIST_BATCHES", "{\"project\":\"cats\"}");
        for (var call : calls.entrySet()) {
            ToolSpec spec = ToolCatalog.loadOne(ToolCatalog.DEFAULT_DIR, call.getKey())
                    .specs()
                    .get(0);
            assertThat(QuickSchemaCheck.surelyValid(spec.inputSchema(), json(call.getValue())))
                    .as(call.getKey())
                    .isTrue();
        }
        ToolSpec tasks = ToolCatalog.loadOne(ToolCatalog.DEFAULT_DIR, "SCALE_AI_LIST_TASKS")
                .specs()
                .get(0);
        assertThat(QuickSchemaCheck.surelyValid(
                        tasks.inputSchema(), json("{\"limit\":100,\"status\":[\"pending\"],\"full\":true}")))
                .isTrue();
        // and leaves wrong ones to the validator
        for (String wrong : List.of(
                "{\"limit\":0}", "{\"limit\":101}", "{\"limit\":\"5\"}", "{\"status\":[\"done\"]}", "{\"nope\":1}")) {
            assertThat(QuickSchemaCheck.surelyValid(tasks.inputSchema(), json(wrong)))
                    .as(wrong)
                    .isFalse();
        }
    }

    /** Arguments for {@code schema}: a plausible value for everything, then each property broken in turn. */
    private static List<JsonNode> candidates(JsonNode schema) {
        List<JsonNode> out = new ArrayList<>();
        out.add(NODES.objectNode());
        ObjectNode full = (ObjectNode) plausible(schema, 0);
        out.add(full);
        ObjectNode required = NODES.objectNode();
        schema.path("required").forEach(r -> required.set(r.asString(), full.get(r.asString())));
        out.add(required);
        for (var property : schema.path("properties").properties()) {
            for (JsonNode odd : oddValues(property.getValue())) {
                ObjectNode changed = full.deepCopy();
                changed.set(property.getKey(), odd);
                out.add(changed);
                ObjectNode alone = required.deepCopy();
                alone.set(property.getKey(), odd);
                out.add(alone);
            }
            ObjectNode without = full.deepCopy();
            without.remove(property.getKey());
            out.add(without);
        }
        ObjectNode extra = full.deepCopy();
        extra.put("not_a_field", 1);
        out.add(extra);
        out.add(NODES.arrayNode());
        out.add(NODES.stringNode("{}"));
        return out;
    }

    /** A value that should satisfy {@code schema} when the schema is plain (not necessarily otherwise). */
    private static JsonNode plausible(JsonNode schema, int depth) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties")
                            .properties()
                            .forEach(p -> o.set(p.getKey(), plausible(p.getValue(), depth + 1)));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < n && depth < 4; i++) {
                    a.add(plausible(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(schema.path("minimum").asLong(1));
            }
            case "number" -> {
                return NODES.numberNode(schema.path("minimum").asDouble(1.5));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(
                        "x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
            }
        }
    }

    /** Values that break {@code schema} in one way each, or sit on its edges. */
    private static List<JsonNode> oddValues(JsonNode schema) {
        List<JsonNode> out = new ArrayList<>(List.of(
                NODES.nullNode(),
                NODES.stringNode(""),
                NODES.stringNode("nope"),
                NODES.stringNode("\uD83D\uDE00"),
                NODES.stringNode("\uD83D\uDE00".repeat(300)),
                NODES.numberNode(0),
                NODES.numberNode(-1),
                NODES.numberNode(1.0),
                NODES.numberNode(2.5),
                NODES.numberNode(1_000_000_000_000L),
                NODES.numberNode(new java.math.BigDecimal("1e400")),
                NODES.booleanNode(false),
                NODES.objectNode(),
                NODES.arrayNode(),
                NODES.arrayNode().add(1),
                NODES.arrayNode().add("x"),
                NODES.arrayNode().add(NODES.nullNode())));
        for (String bound :
                List.of("minimum", "maximum", "exclusiveMinimum", "minLength", "maxLength", "minItems", "maxItems")) {
            if (schema.has(bound)) {
                long b = schema.get(bound).asLong();
                out.add(NODES.numberNode(b - 1));
                out.add(NODES.numberNode(b));
                out.add(NODES.numberNode(b + 1));
                out.add(NODES.stringNode("y".repeat((int) Math.max(0, Math.min(b + 1, 5000)))));
                out.add(NODES.stringNode("y".repeat((int) Math.max(0, Math.min(b, 5000)))));
            }
        }
        if (schema.path("type").asString("").equals("array")) {
            ArrayNode wrongItems = NODES.arrayNode();
            wrongItems.add(NODES.objectNode());
            out.add(wrongItems);
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 1001; i++) {
                many.add(plausible(schema.path("items"), 3));
            }
            out.add(many);
        }
        if (schema.path("type").asString("").equals("object")) {
            ObjectNode nested = (ObjectNode) plausible(schema, 1);
            nested.put("not_a_field", true);
            out.add(nested);
            for (var p : schema.path("properties").properties()) {
                ObjectNode broken = (ObjectNode) plausible(schema, 1);
                broken.set(p.getKey(), NODES.arrayNode().add(NODES.objectNode()));
                out.add(broken);
            }
        }
        return out;
    }

    private static JsonNode json(String text) {
        return ScaleJson.mapper().readTree(text);
    }
}
