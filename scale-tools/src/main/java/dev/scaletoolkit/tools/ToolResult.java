package dev.scaletoolkit.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.jackson.ScaleJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope every tool returns: {@code {successful, data, error}}. On success {@code data} holds the answer and
 * {@code error} is null; on failure {@code data} is an empty object and {@code error} says why.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolResult(
        @JsonProperty("successful") boolean successful,
        @JsonProperty("data") JsonNode data,
        @JsonProperty("error") ToolError error) {

    public static ToolResult ok(JsonNode data) {
        return new ToolResult(true, data == null ? ScaleJson.mapper().createObjectNode() : data, null);
    }

    public static ToolResult failed(ToolError error) {
        return new ToolResult(false, ScaleJson.mapper().createObjectNode(), error);
    }

    /** The envelope as JSON, e.g. for an MCP {@code structuredContent} or a CLI. */
    public ObjectNode toJson() {
        return ScaleJson.mapper().valueToTree(this);
    }
}
