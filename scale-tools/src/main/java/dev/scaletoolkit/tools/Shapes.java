package dev.scaletoolkit.tools;

import dev.scaletoolkit.model.jackson.ScaleJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers handlers share to shape Scale's answers into tool data. */
public final class Shapes {
    /** Short summaries of common records, used unless a caller asks for {@code full: true}. */
    public static final String[] TASK_SUMMARY = {
        "task_id", "status", "type", "project", "batch", "unique_id", "created_at", "completed_at"
    };

    public static final String[] BATCH_SUMMARY = {"name", "project", "status", "created_at"};
    public static final String[] PROJECT_SUMMARY = {"name", "type", "created_at", "archived"};
    public static final String[] FILE_SUMMARY = {"id", "attachment_url", "display_name", "created_at"};
    public static final String[] TEAMMATE_SUMMARY = {"email", "role"};
    public static final String[] STUDIO_BATCH_SUMMARY = {
        "id", "name", "projectName", "batchType", "studioPriority", "total", "completed"
    };

    private Shapes() {}

    public static ObjectNode object() {
        return ScaleJson.mapper().createObjectNode();
    }

    public static ArrayNode array() {
        return ScaleJson.mapper().createArrayNode();
    }

    /**
     * The list inside a Scale answer: the answer itself when it is an array, else its {@code docs} (or
     * {@code data}, {@code items}, {@code results}) array; empty when there is none.
     */
    public static ArrayNode docs(JsonNode answer) {
        if (answer instanceof ArrayNode a) {
            return a;
        }
        for (String key : new String[] {"docs", "data", "items", "results"}) {
            if (answer != null && answer.get(key) instanceof ArrayNode a) {
                return a;
            }
        }
        if (answer != null && answer.isObject()) {
            // an answer whose list sits under a resource-specific key, e.g. {"quality_labelers": [...]}
            for (var e : answer.properties()) {
                if (e.getValue() instanceof ArrayNode a) {
                    return a;
                }
            }
        }
        return array();
    }

    /** Copies each item whole ({@code full}) or as the named keys only; non-object items pass through. */
    public static ArrayNode summarize(ArrayNode items, boolean full, String... keys) {
        ArrayNode out = array();
        for (JsonNode item : items) {
            if (full || !item.isObject()) {
                out.add(item);
                continue;
            }
            ObjectNode small = object();
            for (String k : keys) {
                if (item.has(k) && !item.get(k).isNull()) {
                    small.set(k, item.get(k));
                }
            }
            if (keys.length == 0) {
                // unknown record shape: keep its plain values, drop nested structures
                item.properties().forEach(e -> {
                    if (e.getValue().isValueNode()) {
                        small.set(e.getKey(), e.getValue());
                    }
                });
            }
            out.add(small);
        }
        return out;
    }

    /** {@code {docs, compact}} for a list answer. */
    public static ObjectNode listData(ArrayNode items, boolean full, String... keys) {
        ObjectNode out = object();
        out.set("docs", summarize(items, full, keys));
        out.put("compact", !full);
        return out;
    }

    /** A Scale answer that should be an object (wraps anything else as {@code {result: ...}}). */
    public static ObjectNode asObject(JsonNode answer) {
        if (answer instanceof ObjectNode o) {
            return o;
        }
        ObjectNode out = object();
        out.set("result", answer == null ? ScaleJson.mapper().nullNode() : answer);
        return out;
    }
}
