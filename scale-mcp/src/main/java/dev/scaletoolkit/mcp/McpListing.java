package dev.scaletoolkit.mcp;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tool definitions exactly as this server lists them over MCP ({@code tools/list}), for export to files. */
public final class McpListing {
    private McpListing() {}

    public static ObjectNode document(ToolRegistry registry, Profile profile) {
        ObjectNode doc = ScaleJson.mapper().createObjectNode();
        ArrayNode tools = doc.putArray("tools");
        for (ToolSpec spec : registry.list(profile)) {
            ObjectNode t = tools.addObject();
            t.put("name", spec.slug());
            t.put("title", spec.title());
            t.put("description", spec.description());
            t.set("inputSchema", spec.inputSchema());
            t.set("outputSchema", McpToolAdapter.envelopeSchema(spec.outputSchema()));
            ObjectNode a = spec.annotations();
            a.put("title", spec.title());
            t.set("annotations", a);
        }
        return doc;
    }
}
