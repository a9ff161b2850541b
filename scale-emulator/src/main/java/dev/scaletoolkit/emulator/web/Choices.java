package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.response.Labels;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Label lists of task params, which Scale takes as plain strings or as described choices with subchoices. */
final class Choices {
    private Choices() {}

    /** The labels a person can pick: the same leaves the simulated labelers choose from. */
    static List<String> leaves(JsonNode list) {
        return Labels.leaves(list);
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
        return Labels.name(item);
    }
}
