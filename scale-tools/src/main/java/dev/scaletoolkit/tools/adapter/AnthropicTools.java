package dev.scaletoolkit.tools.adapter;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import tools.jackson.databind.node.ArrayNode;

/** The catalog as Anthropic Messages API tool definitions: {@code [{name, description, input_schema}, ...]}. */
public final class AnthropicTools {
    private AnthropicTools() {}

    public static ArrayNode tools(ToolRegistry registry, Profile profile) {
        ArrayNode out = ScaleJson.mapper().createArrayNode();
        for (ToolSpec spec : registry.list(profile)) {
            out.addObject()
                    .put("name", spec.slug())
                    .put("description", spec.description())
                    .set("input_schema", spec.inputSchema());
        }
        return out;
    }
}
