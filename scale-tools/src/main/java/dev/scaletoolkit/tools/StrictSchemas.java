package dev.scaletoolkit.tools;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between a tool's natural input schema and the strict form that OpenAI's strict function calling
 * accepts, and back for the arguments such a model sends.
 *
 * <p>Strict form: every object lists all its properties in {@code required} and sets {@code additionalProperties:
 * false}; an optional property becomes a nullable union; free-form objects (metadata, hypothesis…) become strings
 * holding JSON, because strict mode cannot express open maps; keywords outside the supported subset are dropped.
 * {@link #relax} undoes this on incoming arguments: optional nulls are dropped and JSON strings parsed where the
 * natural schema wants an object.
 */
public final class StrictSchemas {
    /** Keywords strict mode accepts; everything else is removed from the strict form. */
    public static final Set<String> SUPPORTED_KEYWORDS = Set.of(
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
    /** String formats strict mode accepts. */
    public static final Set<String> SUPPORTED_FORMATS =
            Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

    private static final String JSON_HINT = " Pass a JSON object encoded as a string.";

    private StrictSchemas() {}

    /** The strict variant of a natural input schema (the natural schema is not changed). */
    public static ObjectNode toStrict(ObjectNode natural) {
        ObjectNode out = (ObjectNode) convert(natural, false);
        if (natural.has("$defs")) {
            ObjectNode defs = out.putObject("$defs");
            for (Map.Entry<String, JsonNode> def : natural.get("$defs").properties()) {
                defs.set(def.getKey(), convert(def.getValue(), false));
            }
        }
        return out;
    }

    private static JsonNode convert(JsonNode schema, boolean nullable) {
        ObjectNode out = ScaleJson.mapper().createObjectNode();
        String description = schema.path("description").asString("");
        if (schema.has("$ref") || schema.has("anyOf")) {
            ObjectNode inner = ScaleJson.mapper().createObjectNode();
            if (schema.has("$ref")) {
                inner.put("$ref", schema.get("$ref").asString());
            } else {
                ArrayNode branches = inner.putArray("anyOf");
                schema.get("anyOf").forEach(b -> branches.add(convert(b, false)));
            }
            if (!nullable) {
                // OpenAI strict mode refuses any keyword beside $ref; the referenced definition keeps its own text
                if (!description.isEmpty() && !inner.has("$ref")) {
                    inner.put("description", description);
                }
                return inner;
            }
            ArrayNode union = out.putArray("anyOf");
            if (inner.has("anyOf")) {
                inner.get("anyOf").forEach(union::add);
            } else {
                union.add(inner);
            }
            union.addObject().put("type", "null");
            if (!description.isEmpty()) {
                out.put("description", description);
            }
            return out;
        }
        if (isFreeForm(schema)) {
            putType(out, "string", nullable);
            out.put("description", (description + JSON_HINT).trim());
            return out;
        }
        String type = schema.path("type").asString();
        putType(out, type, nullable);
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String key = e.getKey();
            if (key.equals("type")
                    || key.equals("properties")
                    || key.equals("required")
                    || key.equals("items")
                    || key.equals("$defs")
                    || !SUPPORTED_KEYWORDS.contains(key)) {
                continue;
            }
            if (key.equals("format") && !SUPPORTED_FORMATS.contains(e.getValue().asString())) {
                continue;
            }
            out.set(key, e.getValue().deepCopy());
        }
        if (nullable && out.has("enum")) {
            ((ArrayNode) out.get("enum")).addNull();
        }
        if ("array".equals(type) && schema.has("items")) {
            out.set("items", convert(schema.get("items"), false));
        }
        if ("object".equals(type)) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            ObjectNode props = out.putObject("properties");
            ArrayNode all = out.putArray("required");
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                props.set(p.getKey(), convert(p.getValue(), !required.contains(p.getKey())));
                all.add(p.getKey());
            }
            out.put("additionalProperties", false);
        }
        return out;
    }

    private static void putType(ObjectNode out, String type, boolean nullable) {
        if (nullable) {
            out.putArray("type").add(type).add("null");
        } else {
            out.put("type", type);
        }
    }

    /** An object whose keys are not fixed, or a value of any type: both travel as JSON text in strict form. */
    static boolean isFreeForm(JsonNode schema) {
        if (schema.has("$ref") || schema.has("anyOf") || schema.has("enum") || schema.has("const")) {
            return false;
        }
        if (!schema.has("type")) {
            return true;
        }
        return "object".equals(schema.path("type").asString())
                && (!schema.has("properties")
                        || !schema.path("additionalProperties").isBoolean()
                        || schema.path("additionalProperties").asBoolean());
    }

    /**
     * Turns arguments written against the strict form (or loosely against the natural one) into natural
     * arguments: optional properties set to null are removed, and strings holding JSON are parsed where the
     * natural schema expects an object or any value. Anything else is left for validation to judge.
     */
    public static ObjectNode relax(ObjectNode args, ObjectNode naturalSchema) {
        JsonNode out = relax(args.deepCopy(), naturalSchema, naturalSchema);
        return out instanceof ObjectNode o ? o : args;
    }

    private static JsonNode relax(JsonNode value, JsonNode schema, ObjectNode root) {
        schema = resolve(schema, root);
        if (value == null || value.isNull() || schema == null) {
            return value;
        }
        if (isFreeForm(schema)) {
            return value.isString() ? parseJson(value) : value;
        }
        if (schema.has("anyOf") && value.isObject()) {
            for (JsonNode branch : schema.get("anyOf")) {
                JsonNode b = resolve(branch, root);
                if ("object".equals(b.path("type").asString())) {
                    return relax(value, b, root);
                }
            }
            return value;
        }
        if (value.isObject() && schema.has("properties")) {
            ObjectNode object = (ObjectNode) value;
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode child = object.get(name);
                JsonNode childSchema = schema.get("properties").get(name);
                if (child.isNull() && !required.contains(name)) {
                    object.remove(name);
                } else if (childSchema != null) {
                    object.set(name, relax(child, childSchema, root));
                }
            }
            return object;
        }
        if (value.isArray() && schema.has("items")) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, relax(array.get(i), schema.get("items"), root));
            }
        }
        return value;
    }

    private static JsonNode resolve(JsonNode schema, ObjectNode root) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (ref.startsWith("#/$defs/")) {
                return root.path("$defs").get(ref.substring("#/$defs/".length()));
            }
        }
        return schema;
    }

    private static JsonNode parseJson(JsonNode text) {
        String s = text.asString().trim();
        if (!(s.startsWith("{") || s.startsWith("["))) {
            return text;
        }
        try {
            return ScaleJson.mapper().readTree(s);
        } catch (JacksonException notJson) {
            return text;
        }
    }
}
