package dev.scaletoolkit.tools.schema;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for a JSON Schema (the subset the tool files use: type, properties, required, items, enum, anyOf, $ref into
 * $defs, minimum/maximum/exclusiveMinimum, minLength, minItems/maxItems, pattern for e-mail addresses), read from the
 * schema as data. A schema says little about what a free-form string means, so {@code hints} gives the values for
 * property names whose meaning the schema leaves open (a project that exists, a URL, a timestamp); a hint of
 * {@link #OMIT} leaves an optional property out (values that only an earlier answer can supply, such as page tokens).
 * Generated values are still checked against the schema by the caller: what this class cannot express is filtered.
 */
public final class SchemaArbitraries {
    /** A hint that leaves the property out when it is optional. */
    public static final Arbitrary<JsonNode> OMIT = Arbitraries.just(null);

    /** Prefix of a hint's key that always gives the property, even when it is optional. */
    public static final String ALWAYS = "+";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final JsonNode root;
    private final Map<String, Arbitrary<JsonNode>> hints;

    private SchemaArbitraries(JsonNode root, Map<String, Arbitrary<JsonNode>> hints) {
        this.root = root;
        this.hints = hints;
    }

    /** Values for {@code schema} (an object schema), with {@code hints} by property name. */
    public static Arbitrary<JsonNode> forSchema(JsonNode schema, Map<String, Arbitrary<JsonNode>> hints) {
        return new SchemaArbitraries(schema, hints).of(schema, 0);
    }

    private Arbitrary<JsonNode> of(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            return of(resolve(schema.get("$ref").asString()), depth);
        }
        if (schema.has("const")) {
            return Arbitraries.just(schema.get("const"));
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        if (schema.has("anyOf")) {
            List<Arbitrary<JsonNode>> branches = new ArrayList<>();
            for (JsonNode b : schema.get("anyOf")) {
                // deep in a recursive schema, only branches that do not refer back are taken, so generation ends
                if (depth <= 6 || !b.has("$ref")) {
                    branches.add(of(b, depth + 1));
                }
            }
            return Arbitraries.oneOf(branches);
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            List<Arbitrary<JsonNode>> branches = new ArrayList<>();
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    ObjectNode one = ((ObjectNode) schema).deepCopy();
                    one.put("type", t.asString());
                    branches.add(of(one, depth));
                }
            }
            return Arbitraries.oneOf(branches);
        }
        return switch (type.asString("")) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "string" -> string(schema);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> Arbitraries.of(JSON.booleanNode(true), JSON.booleanNode(false));
            default -> freeForm();
        };
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $ref is supported: " + ref);
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /** A free-form object (metadata, params, hypothesis): small, sometimes empty. */
    private static Arbitrary<JsonNode> freeForm() {
        return Arbitraries.of(
                ScaleJson.mapper().createObjectNode(),
                ScaleJson.mapper().readTree("{\"source\":\"schema-test\"}"),
                ScaleJson.mapper().readTree("{\"n\":1,\"tags\":[\"a\"]}"));
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        if (!schema.has("properties")) {
            return freeForm();
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        List<Arbitrary<Map.Entry<String, JsonNode>>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
            String name = p.getKey();
            boolean always = hints.containsKey(ALWAYS + name);
            Arbitrary<JsonNode> value = always
                    ? hints.get(ALWAYS + name)
                    : hints.containsKey(name) && !p.getValue().has("enum")
                            ? hints.get(name)
                            : of(p.getValue(), depth + 1);
            Arbitrary<JsonNode> maybe = required.contains(name) || always
                    ? value
                    : Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(1, Arbitraries.just((JsonNode) null)),
                            net.jqwik.api.Tuple.of(1, value));
            fields.add(maybe.map(v -> Map.entry(name, v == null ? MISSING : v)));
        }
        return Combinators.combine(fields).as(entries -> {
            ObjectNode out = JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : entries) {
                if (e.getValue() != MISSING) {
                    out.set(e.getKey(), e.getValue());
                }
            }
            return out;
        });
    }

    /** Marks a property left out (a Map.entry cannot hold null). */
    private static final JsonNode MISSING = JSON.missingNode();

    private Arbitrary<JsonNode> array(JsonNode schema, int depth) {
        int min = schema.path("minItems").asInt(0);
        if (depth > 6 && min == 0) {
            // recursive schemas (a choice's subchoices are choices) end here
            return Arbitraries.just(JSON.arrayNode());
        }
        int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
        Arbitrary<JsonNode> item = schema.has("items") ? of(schema.get("items"), depth + 1) : freeForm();
        return item.list().ofMinSize(min).ofMaxSize(max).map(values -> {
            ArrayNode out = JSON.arrayNode();
            values.forEach(out::add);
            return out;
        });
    }

    private static Arbitrary<JsonNode> string(JsonNode schema) {
        if (schema.has("pattern") && schema.get("pattern").asString().contains("@")) {
            return emails();
        }
        int min = Math.max(1, schema.path("minLength").asInt(0));
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars('_', '-')
                .ofMinLength(min)
                .ofMaxLength(min + 12)
                .map(JSON::stringNode);
    }

    /** Addresses that fit the tools' e-mail pattern. */
    public static Arbitrary<JsonNode> emails() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(8)
                .map(s -> (JsonNode) JSON.stringNode(s + "@example.com"));
    }

    private static Arbitrary<JsonNode> integer(JsonNode schema) {
        long min = schema.has("minimum")
                ? schema.get("minimum").asLong()
                : schema.has("exclusiveMinimum")
                        ? schema.get("exclusiveMinimum").asLong() + 1
                        : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 1000;
        return Arbitraries.longs().between(min, max).map(v -> (JsonNode) JSON.numberNode(v));
    }

    private static Arbitrary<JsonNode> number(JsonNode schema) {
        double min = schema.has("minimum")
                ? schema.get("minimum").asDouble()
                : schema.has("exclusiveMinimum")
                        ? schema.get("exclusiveMinimum").asDouble() + 0.01
                        : 0;
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 1000;
        return Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
                .ofScale(2)
                .map(v -> (JsonNode) JSON.numberNode(v));
    }

    /** Applies {@code f} to a hint so callers can build hints from other arbitraries tidily. */
    public static Arbitrary<JsonNode> text(Arbitrary<String> values, Function<String, String> f) {
        return values.map(v -> (JsonNode) JSON.stringNode(f.apply(v)));
    }
}
