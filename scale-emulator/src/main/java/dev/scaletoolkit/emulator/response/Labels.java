package dev.scaletoolkit.emulator.response;

import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads the label lists of task params, which Scale accepts as plain strings or as described choices. */
public final class Labels {
    private Labels() {}

    /**
     * The labels an annotation may carry: every string, and for objects their {@code choice} (or {@code label},
     * {@code name}, {@code value}); an object with {@code subchoices} contributes its subchoices instead, since a
     * labeler picks the most specific one.
     */
    public static List<String> leaves(JsonNode list) {
        List<String> out = new ArrayList<>();
        collect(list, out);
        return out.stream().distinct().toList();
    }

    private static void collect(JsonNode list, List<String> out) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode item : list) {
            if (item.isString()) {
                out.add(item.stringValue());
            } else if (item.isObject()) {
                JsonNode sub = item.get("subchoices");
                if (sub != null && sub.isArray() && !sub.isEmpty()) {
                    collect(sub, out);
                } else {
                    String name = name(item);
                    if (name != null) {
                        out.add(name);
                    }
                }
            }
        }
    }

    /** The display name of a described choice, or null. */
    public static String name(JsonNode item) {
        for (String key : List.of("choice", "label", "name", "value")) {
            JsonNode v = item.get(key);
            if (v != null && v.isString() && !v.stringValue().isEmpty()) {
                return v.stringValue();
            }
        }
        return null;
    }

    /** The labels of {@code list}, or {@code fallback} when it names none. */
    static List<String> leavesOr(JsonNode list, String fallback) {
        List<String> labels = leaves(list);
        return labels.isEmpty() ? List.of(fallback) : labels;
    }

    /**
     * Values for the annotation attributes a task asks for ({@code annotation_attributes}): a choice for category
     * attributes, a number within {@code min}/{@code max} for number attributes, an angle, or some words.
     */
    static ObjectNode attributes(JsonNode spec, Dice dice) {
        ObjectNode out = Docs.object();
        if (spec == null || !spec.isObject()) {
            return out;
        }
        for (var entry : spec.properties()) {
            JsonNode attribute = entry.getValue();
            String type =
                    attribute.path("type").isString() ? attribute.get("type").stringValue() : "category";
            switch (type) {
                case "number" -> {
                    int min = attribute.path("min").asInt(0);
                    int max = attribute.path("max").asInt(min + 10);
                    out.put(entry.getKey(), dice.between(min, max));
                }
                case "angle" -> out.put(entry.getKey(), dice.between(0, 359));
                case "text" -> out.put(entry.getKey(), dice.words(2));
                default -> {
                    List<String> choices = leaves(attribute.get("choices"));
                    if (!choices.isEmpty()) {
                        out.put(entry.getKey(), dice.pick(choices));
                    }
                }
            }
        }
        return out;
    }
}
