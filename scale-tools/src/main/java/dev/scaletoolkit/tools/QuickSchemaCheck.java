package dev.scaletoolkit.tools;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A shortcut in front of the JSON-Schema validator for the common case: arguments that plainly fit a plain
 * schema. It answers only "surely valid" or "not sure"; on "not sure" (a problem, or any keyword or value it does
 * not handle) the caller runs the full validator, which words the problems. So the validator's ~220 classes and
 * its set-up are paid only when arguments may be wrong or the schema uses more than this reads.
 *
 * <p>Handled: {@code type} (one name), {@code properties}, {@code required}, {@code additionalProperties} as a
 * boolean, {@code items}, {@code enum}, {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength},
 * {@code minItems}/{@code maxItems}; annotations are ignored. Anything else ({@code $ref}, {@code anyOf},
 * {@code pattern}, {@code format}, ...) means "not sure" as soon as a value meets it.
 */
final class QuickSchemaCheck {
    /** Keywords that do not constrain a value. */
    private static final Set<String> ANNOTATIONS =
            Set.of("description", "title", "default", "examples", "$comment", "deprecated", "$defs");

    private QuickSchemaCheck() {}

    /** True only when {@code value} certainly satisfies {@code schema}; false when unsure. */
    static boolean surelyValid(JsonNode schema, JsonNode value) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            if (!ANNOTATIONS.contains(e.getKey()) && !holds(e.getKey(), e.getValue(), schema, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String keyword, JsonNode rule, JsonNode schema, JsonNode value) {
        return switch (keyword) {
            case "type" -> rule.isString() && hasType(rule.asString(), value);
            case "enum" -> rule.isArray() && contains(rule, value);
            case "minimum" -> !value.isNumber() || within(value, rule, true);
            case "maximum" -> !value.isNumber() || within(value, rule, false);
            case "minLength" -> !value.isString() || (rule.canConvertToInt() && plainLength(value) >= rule.asInt());
            case "maxLength" ->
                !value.isString()
                        || (rule.canConvertToInt() && plainLength(value) <= rule.asInt() && plainLength(value) >= 0);
            case "minItems" -> !value.isArray() || (rule.canConvertToInt() && value.size() >= rule.asInt());
            case "maxItems" -> !value.isArray() || (rule.canConvertToInt() && value.size() <= rule.asInt());
            case "items" -> !value.isArray() || allItems(rule, value);
            case "required" -> !value.isObject() || allPresent(rule, value);
            case "properties" -> !value.isObject() || propertiesHold(rule, value);
            case "additionalProperties" -> !value.isObject() || additionalHold(rule, schema.get("properties"), value);
            default -> false;
        };
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "integer" -> value.isIntegralNumber();
            case "number" -> finite(value);
            default -> false;
        };
    }

    private static boolean finite(JsonNode value) {
        return value.isIntegralNumber()
                || value.isBigDecimal()
                || ((value.isDouble() || value.isFloat()) && Double.isFinite(value.doubleValue()));
    }

    /** Whether {@code value} is at or above (or below) the bound; false when either is not a finite number. */
    private static boolean within(JsonNode value, JsonNode bound, boolean minimum) {
        if (!finite(value) || !bound.isNumber() || !finite(bound)) {
            return false;
        }
        int c = value.decimalValue().compareTo(bound.decimalValue());
        return minimum ? c >= 0 : c <= 0;
    }

    /** Only strings are compared: other kinds of value leave it to the validator's notion of equality. */
    private static boolean contains(JsonNode choices, JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        for (JsonNode choice : choices) {
            if (choice.isString() && choice.asString().equals(value.asString())) {
                return true;
            }
        }
        return false;
    }

    /** The length in code points, or -1 (unsure) for text with surrogate pairs, where counting conventions differ. */
    private static int plainLength(JsonNode value) {
        String s = value.asString();
        return s.codePointCount(0, s.length()) == s.length() ? s.length() : -1;
    }

    private static boolean allItems(JsonNode items, JsonNode array) {
        for (JsonNode item : array) {
            if (!surelyValid(items, item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allPresent(JsonNode required, JsonNode object) {
        if (!required.isArray()) {
            return false;
        }
        for (JsonNode name : required) {
            if (!name.isString() || !object.has(name.asString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean propertiesHold(JsonNode properties, JsonNode object) {
        if (!properties.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode schema = properties.get(field.getKey());
            if (schema != null && !surelyValid(schema, field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean additionalHold(JsonNode additional, JsonNode properties, JsonNode object) {
        if (!additional.isBoolean()) {
            return false;
        }
        if (additional.asBoolean()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (properties == null || !properties.has(field.getKey())) {
                return false;
            }
        }
        return true;
    }
}
