package dev.scaletoolkit.tools.adapter;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.StrictSchemas;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog as OpenAI function-calling definitions (the Chat Completions {@code tools} array). With
 * {@code strict} the parameters are the strict variant made by {@link StrictSchemas}; arguments a model sends
 * back in that form are accepted as they are by {@link ToolRegistry#call}.
 */
public final class OpenAiTools {
    private OpenAiTools() {}

    /** {@code [{"type":"function","function":{name, description, parameters, strict}}, ...]}. */
    public static ArrayNode tools(ToolRegistry registry, Profile profile, boolean strict) {
        ArrayNode out = ScaleJson.mapper().createArrayNode();
        for (ToolSpec spec : registry.list(profile)) {
            ObjectNode function = out.addObject().put("type", "function").putObject("function");
            function.put("name", spec.slug()).put("description", spec.description());
            function.set("parameters", strict ? StrictSchemas.toStrict(spec.inputSchema()) : spec.inputSchema());
            function.put("strict", strict);
        }
        return out;
    }

    /** {@code {"tools": [...]}}, ready to merge into a request body. */
    public static ObjectNode document(ToolRegistry registry, Profile profile, boolean strict) {
        ObjectNode doc = ScaleJson.mapper().createObjectNode();
        doc.set("tools", tools(registry, profile, strict));
        return doc;
    }
}
