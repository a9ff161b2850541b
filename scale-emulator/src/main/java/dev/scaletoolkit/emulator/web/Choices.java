package dev.scaletoolkit.emulator.web;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Label lists of task params, which Scale takes as plain strings or as described choices with subchoices. */
final class Choices {
    private Choices() {}

    /** The labels a person can pick: strings, and for objects their name (or their subchoices' names). */
    static List<String> leaves(JsonNode list) {
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

    /** A choice as shown ({@code label}) and as answered ({@code value}, else the choice's name). */
    record Option(String label, String value) {}

    /** The options of a form field: strings stand for themselves; objects answer with their {@code value}. */
    static List<Option> options(JsonNode list) {
        List<Option> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode item : list) {
            if (item.isString()) {
                out.add(new Option(item.stringValue(), item.stringValue()));
            } else if (item.isObject() && name(item) != null) {
                JsonNode value = item.get("value");
                out.add(new Option(name(item), value != null && value.isValueNode() ? value.asString() : name(item)));
            }
        }
        return out;
    }

    static String name(JsonNode item) {
        for (String key : List.of("choice", "label", "name", "value")) {
            JsonNode v = item.get(key);
            if (v != null && v.isString() && !v.stringValue().isEmpty()) {
                return v.stringValue();
            }
        }
        return null;
    }
}
