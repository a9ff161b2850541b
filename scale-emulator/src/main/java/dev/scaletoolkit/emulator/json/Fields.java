package dev.scaletoolkit.emulator.json;

import dev.scaletoolkit.emulator.error.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads typed fields from a JSON body, failing with a 400 that names the field and the expected kind. Form-encoded
 * bodies arrive as strings, so booleans and integers also accept their text forms.
 */
public final class Fields {
    private Fields() {}

    public static boolean present(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && !v.isNull() && !(v.isString() && v.stringValue().isEmpty());
    }

    public static String requireString(JsonNode body, String field) {
        return optString(body, field).orElseThrow(() -> ApiError.missingParam(field));
    }

    public static Optional<String> optString(JsonNode body, String field) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode v = body.get(field);
        if (!v.isString()) {
            throw ApiError.invalidParam(field, "must be a string, got a " + kind(v));
        }
        return Optional.of(v.stringValue());
    }

    public static Optional<Boolean> optBool(JsonNode body, String field) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode v = body.get(field);
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        if (v.isString()) {
            return Optional.of(parseBool(field, v.stringValue()));
        }
        throw ApiError.invalidParam(field, "must be a boolean, got a " + kind(v));
    }

    public static Optional<Long> optLong(JsonNode body, String field) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode v = body.get(field);
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw ApiError.invalidParam(field, "must be an integer within 64 bits, got " + v.asString());
            }
            return Optional.of(v.longValue());
        }
        if (v.isString()) {
            try {
                return Optional.of(Long.parseLong(v.stringValue().trim()));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw ApiError.invalidParam(field, "must be an integer, got " + describe(v));
    }

    public static Optional<ObjectNode> optObject(JsonNode body, String field) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode v = body.get(field);
        if (!v.isObject()) {
            throw ApiError.invalidParam(field, "must be an object, got a " + kind(v));
        }
        return Optional.of((ObjectNode) v);
    }

    /** A list of strings; a single string is accepted as a list of one, as form posts send it. */
    public static Optional<List<String>> optStringList(JsonNode body, String field) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode v = body.get(field);
        if (v.isString()) {
            return Optional.of(List.of(v.stringValue()));
        }
        if (!v.isArray()) {
            throw ApiError.invalidParam(field, "must be an array of strings, got a " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isString()) {
                throw ApiError.invalidParam(field + "[" + i + "]", "must be a string, got a " + kind(item));
            }
            out.add(item.stringValue());
        }
        return Optional.of(out);
    }

    public static List<String> requireStringList(JsonNode body, String field) {
        List<String> list = optStringList(body, field).orElseThrow(() -> ApiError.missingParam(field));
        if (list.isEmpty()) {
            throw ApiError.invalidParam(field, "must not be empty");
        }
        return list;
    }

    private static String describe(JsonNode v) {
        return v.isString() ? "\"" + v.stringValue() + "\"" : "a " + kind(v);
    }

    /** A value read as a boolean: {@code true/1/yes} or {@code false/0/no}, as form posts and queries send it. */
    public static boolean parseBool(String name, String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes":
                return true;
            case "false", "0", "no":
                return false;
            default:
                throw ApiError.invalidParam(name, "must be true or false, got \"" + v + "\"");
        }
    }

    /** The JSON kind of {@code node} as error messages name it: object, array, string, boolean, number, null. */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
