package dev.scaletoolkit.emulator.store;

import dev.scaletoolkit.model.jackson.ScaleJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Stored resources keep their full JSON in a {@code doc} column beside the indexed columns; this converts it. */
public final class Docs {
    private Docs() {}

    public static String write(JsonNode node) {
        return ScaleJson.mapper().writeValueAsString(node);
    }

    public static ObjectNode read(String json) {
        return (ObjectNode) ScaleJson.mapper().readTree(json);
    }

    public static ObjectNode object() {
        return ScaleJson.mapper().createObjectNode();
    }
}
