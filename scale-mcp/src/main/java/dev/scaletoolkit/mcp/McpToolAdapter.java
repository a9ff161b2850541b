package dev.scaletoolkit.mcp;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a catalog tool into an MCP tool. The structured result is the whole envelope {@code {successful, data,
 * error}}, so the MCP output schema wraps the catalog's schema for {@code data}: it must hold when the call
 * succeeded, and {@code error} must be set when it did not. How a call is run is a {@link Runner}: straight into
 * the registry here, through the gateway's gate in scale-gateway's {@code GatedToolAdapter}.
 */
public final class McpToolAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(McpToolAdapter.class);

    private McpToolAdapter() {}

    /** Runs one call of a tool; failures it knows of come back as a failed {@link ToolResult}. */
    @FunctionalInterface
    public interface Runner {
        /** Runs the call of {@code slug} with {@code args}, asking through {@code exchange} where it must. */
        ToolResult run(String slug, JsonNode args, McpSyncServerExchange exchange, ProgressListener progress);
    }

    static SyncToolSpecification toMcp(ToolRegistry registry, ToolSpec spec, ResultBudget budget) {
        return toMcp(
                spec,
                envelopeSchema(spec.outputSchema()),
                (slug, args, exchange, progress) -> registry.call(slug, args, progress),
                budget);
    }

    /**
     * The MCP tool for {@code spec}, with {@code outputSchema} as its output schema (none when null), calls run by
     * {@code runner} and their results kept within {@code budget}.
     */
    public static SyncToolSpecification toMcp(
            ToolSpec spec, ObjectNode outputSchema, Runner runner, ResultBudget budget) {
        ObjectNode annotations = spec.annotations();
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
                .name(spec.slug())
                .title(spec.title())
                .description(spec.description())
                .inputSchema(toMap(spec.inputSchema()))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(outputSchema == null ? null : spec.title())
                        .readOnlyHint(annotations.path("readOnlyHint").asBoolean(false))
                        .destructiveHint(annotations.path("destructiveHint").asBoolean(false))
                        .idempotentHint(annotations.path("idempotentHint").asBoolean(false))
                        .openWorldHint(annotations.path("openWorldHint").asBoolean(true))
                        .build());
        if (outputSchema != null) {
            tool.outputSchema(toMap(outputSchema));
        }
        return SyncToolSpecification.builder()
                .tool(tool.build())
                .callHandler((exchange, request) -> call(runner, spec, exchange, request, budget))
                .build();
    }

    private static McpSchema.CallToolResult call(
            Runner runner,
            ToolSpec spec,
            McpSyncServerExchange exchange,
            McpSchema.CallToolRequest request,
            ResultBudget budget) {
        JsonNode args = ScaleJson.mapper().valueToTree(request.arguments() == null ? Map.of() : request.arguments());
        ProgressListener progress = progressFor(exchange, request);
        ToolResult result;
        try {
            result = runner.run(spec.slug(), args, exchange, progress);
        } catch (RuntimeException e) {
            // Every known failure comes back as an envelope; this is a bug. Neither the arguments nor the
            // exception's message are logged (either may hold a key); the type and where it was thrown locate it.
            StackTraceElement[] trace = e.getStackTrace();
            LOG.error(
                    "Tool {} failed unexpectedly: {} at {}",
                    spec.slug(),
                    e.getClass().getName(),
                    trace.length == 0 ? "?" : trace[0]);
            result = ToolResult.failed(
                    dev.scaletoolkit.tools.ToolError.fromStatus(500, "internal error in tool " + spec.slug(), null));
        }
        ObjectNode envelope = budget.fit(result.toJson());
        return McpSchema.CallToolResult.builder()
                .structuredContent(toMap(envelope))
                .addTextContent(ScaleJson.mapper().writeValueAsString(envelope))
                .isError(!result.successful())
                .build();
    }

    /** Forwards tool progress as MCP progress notifications when the client sent a progress token. */
    private static ProgressListener progressFor(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null || exchange == null) {
            return ProgressListener.NONE;
        }
        return (done, total, message) -> {
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(token, done, total, message));
            } catch (RuntimeException e) {
                LOG.debug("Progress notification not delivered: {}", e.getMessage());
            }
        };
    }

    /** {@code {successful, data, error}} where {@code data} follows the tool's schema when successful. */
    public static ObjectNode envelopeSchema(ObjectNode dataSchema) {
        ObjectNode dataWhenOk = dataSchema.deepCopy();
        dataWhenOk.remove("$schema");
        ObjectNode schema = ScaleJson.mapper().createObjectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("successful").put("type", "boolean");
        props.putObject("data").put("type", "object");
        ObjectNode error = props.putObject("error");
        error.putArray("type").add("object").add("null");
        schema.putArray("required").add("successful").add("data").add("error");
        ObjectNode ifOk = schema.putObject("if");
        ifOk.putObject("properties").putObject("successful").put("const", true);
        ObjectNode then = schema.putObject("then");
        then.putObject("properties").set("data", dataWhenOk);
        ObjectNode otherwise = schema.putObject("else");
        otherwise.putObject("properties").putObject("error").put("type", "object");
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return ScaleJson.mapper().convertValue(node, Map.class);
    }
}
