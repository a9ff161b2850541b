package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The task types {@code POST /v1/task/{type}} accepts and the fields each one needs, read from the data file
 * {@code scale/emulator/task-types.json} so that a type is added by editing data, not code.
 */
public final class TaskTypes {
    private static final String RESOURCE = "scale/emulator/task-types.json";
    private static final TaskTypes DEFAULT = load(RESOURCE);

    /** What one field must look like: its JSON kinds, a minimum size and, for strings, the allowed values. */
    record FieldRule(List<String> kinds, int minItems, List<String> values) {}

    /** The rules of one type: fields that must be present, groups of which one must be, and field kinds. */
    record TypeRule(
            List<String> required, List<List<String>> oneOf, Map<String, FieldRule> kinds, ObjectNode defaults) {}

    private final Map<String, String> aliases;
    private final Map<String, TypeRule> types;

    private TaskTypes(Map<String, String> aliases, Map<String, TypeRule> types) {
        this.aliases = Map.copyOf(aliases);
        this.types = Map.copyOf(types);
    }

    /** The types shipped with the emulator. */
    public static TaskTypes standard() {
        return DEFAULT;
    }

    /** The canonical name for a type in a request path ({@code categorize} becomes {@code categorization}). */
    public Optional<String> canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String resolved = aliases.getOrDefault(lower, lower);
        return types.containsKey(resolved) ? Optional.of(resolved) : Optional.empty();
    }

    /** Like {@link #canonical} but a 400 naming the type (and listing the known ones) when it is unknown. */
    public String require(String name) {
        return canonical(name)
                .orElseThrow(() -> ApiError.badRequest("Unknown task type \"" + name + "\". Known types: "
                        + String.join(", ", new TreeSet<>(types.keySet())) + "."));
    }

    /**
     * Fills the type's documented defaults into the params of a new task (after project defaults were applied)
     * and checks them. Form-encoded values that stand for booleans or numbers are converted in place. Throws a
     * 400 naming the first bad field.
     *
     * @param hasInstruction whether the task has an instruction of its own or from its project
     */
    public void validate(String type, ObjectNode params, boolean hasInstruction) {
        TypeRule rule = types.get(type);
        for (Map.Entry<String, JsonNode> d : rule.defaults().properties()) {
            if (!params.hasNonNull(d.getKey())) {
                params.set(d.getKey(), d.getValue().deepCopy());
            }
        }
        for (Map.Entry<String, FieldRule> e : rule.kinds().entrySet()) {
            if (present(params, e.getKey())) {
                checkKind(params, e.getKey(), e.getValue());
            }
        }
        for (String field : rule.required()) {
            boolean ok = field.equals("instruction") ? hasInstruction : present(params, field);
            if (!ok) {
                throw ApiError.missingParam(field);
            }
        }
        for (List<String> group : rule.oneOf()) {
            if (group.stream().noneMatch(f -> present(params, f))) {
                throw ApiError.badRequest("Parameter is invalid, reason: one of "
                        + group.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(" or "))
                        + " is required for a " + type + " task");
            }
        }
        MediaAttachment.check(type, params);
    }

    private static boolean present(ObjectNode params, String field) {
        JsonNode v = params.get(field);
        return v != null && !v.isNull() && !(v.isString() && v.stringValue().isEmpty());
    }

    private static void checkKind(ObjectNode params, String field, FieldRule rule) {
        JsonNode value = coerce(params, field, rule);
        if (rule.kinds().stream().noneMatch(k -> isKind(value, k))) {
            throw ApiError.invalidParam(
                    field,
                    "must be "
                            + String.join(
                                    " or ",
                                    rule.kinds().stream()
                                            .map(TaskTypes::article)
                                            .toList()) + ", got " + article(Fields.kind(value)));
        }
        if (rule.minItems() > 0 && (value.isArray() || value.isObject()) && value.size() < rule.minItems()) {
            throw ApiError.invalidParam(
                    field,
                    "must have at least " + rule.minItems() + (value.isArray() ? " item" : " entry")
                            + (rule.minItems() == 1 ? "" : "s") + ", got " + value.size());
        }
        if (!rule.values().isEmpty() && value.isString() && !rule.values().contains(value.stringValue())) {
            throw ApiError.invalidParam(
                    field,
                    "must be one of " + String.join(", ", rule.values()) + ", got \"" + value.stringValue() + "\"");
        }
    }

    /** Form posts carry every value as text; turn "true" or "12" into JSON when the field wants that kind. */
    private static JsonNode coerce(ObjectNode params, String field, FieldRule rule) {
        JsonNode value = params.get(field);
        if (!value.isString()) {
            return value;
        }
        String text = value.stringValue().trim();
        if (rule.kinds().contains("boolean") && (text.equals("true") || text.equals("false"))) {
            params.set(field, BooleanNode.valueOf(text.equals("true")));
        } else if (rule.kinds().contains("integer") && text.matches("-?\\d{1,18}")) {
            params.put(field, Long.parseLong(text));
        } else if (rule.kinds().contains("number") && text.matches("-?\\d+(\\.\\d+)?")) {
            params.put(field, Double.parseDouble(text));
        }
        return params.get(field);
    }

    private static boolean isKind(JsonNode v, String kind) {
        switch (kind) {
            case "string":
                return v.isString();
            case "boolean":
                return v.isBoolean();
            case "integer":
                return v.isIntegralNumber();
            case "number":
                return v.isNumber();
            case "object":
                return v.isObject();
            case "array":
                return v.isArray();
            default:
                throw new IllegalStateException("task-types.json names an unknown kind " + kind);
        }
    }

    static String article(String kind) {
        return (kind.startsWith("a") || kind.startsWith("o") || kind.startsWith("i") ? "an " : "a ") + kind;
    }

    // ---- loading ----

    static TaskTypes load(String resource) {
        JsonNode root;
        try (InputStream in = TaskTypes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            root = ScaleJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        root.path("aliases")
                .properties()
                .forEach(e -> aliases.put(e.getKey(), e.getValue().asString()));
        Map<String, FieldRule> shared = rules(root.path("shared_kinds"));
        Map<String, TypeRule> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("types").properties()) {
            JsonNode spec = e.getValue();
            Map<String, FieldRule> kinds = new LinkedHashMap<>(shared);
            kinds.putAll(rules(spec.path("kinds")));
            List<List<String>> oneOf = new ArrayList<>();
            spec.path("one_of").forEach(group -> oneOf.add(strings(group)));
            ObjectNode defaults = spec.path("defaults").isObject()
                    ? ((ObjectNode) spec.get("defaults")).deepCopy()
                    : ScaleJson.mapper().createObjectNode();
            types.put(e.getKey(), new TypeRule(strings(spec.path("required")), oneOf, kinds, defaults));
        }
        aliases.values().forEach(target -> {
            if (!types.containsKey(target)) {
                throw new IllegalStateException("task-types.json aliases an unknown type " + target);
            }
        });
        return new TaskTypes(aliases, types);
    }

    private static Map<String, FieldRule> rules(JsonNode node) {
        Map<String, FieldRule> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode spec = e.getValue();
            if (spec.isString()) {
                out.put(e.getKey(), new FieldRule(List.of(spec.stringValue()), 0, List.of()));
                continue;
            }
            JsonNode kind = spec.path("kind");
            List<String> kinds = kind.isArray() ? strings(kind) : List.of(kind.asString());
            out.put(e.getKey(), new FieldRule(kinds, spec.path("min_items").asInt(0), strings(spec.path("values"))));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return List.copyOf(out);
    }
}
