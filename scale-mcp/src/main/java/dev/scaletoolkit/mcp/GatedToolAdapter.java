package dev.scaletoolkit.mcp;

import dev.scaletoolkit.gateway.call.Approver;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.call.ToolGate;
import dev.scaletoolkit.model.ScaleJson;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool served through the gateway: every call passes the {@link ToolGate} as one caller (scope, live flag,
 * budgets, confirmation, audit). Where the client supports elicitation, costly calls are put to the person.
 */
final class GatedToolAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatedToolAdapter.class);

    private GatedToolAdapter() {}

    static SyncToolSpecification toMcp(ToolGate gate, Caller caller, ToolSpec spec) {
        ObjectNode annotations = spec.annotations();
        ObjectNode output = McpToolAdapter.envelopeSchema(spec.outputSchema());
        if (gate.acceptsDryRun(spec.slug())) {
            // a dry run answers with a preview instead of the tool's usual data
            ObjectNode then = (ObjectNode) output.get("then").get("properties");
            JsonNode usual = then.get("data");
            ObjectNode either = ScaleJson.mapper().createObjectNode();
            either.putArray("anyOf")
                    .add(usual)
                    .addObject()
                    .put("type", "object")
                    .set("required", ScaleJson.mapper().createArrayNode().add("dry_run"));
            then.set("data", either);
        }
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(spec.slug())
                .title(spec.title())
                .description(spec.description())
                .inputSchema(toMap(spec.inputSchema()))
                .outputSchema(toMap(output))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(spec.title())
                        .readOnlyHint(annotations.path("readOnlyHint").asBoolean(false))
                        .destructiveHint(annotations.path("destructiveHint").asBoolean(false))
                        .idempotentHint(annotations.path("idempotentHint").asBoolean(false))
                        .openWorldHint(annotations.path("openWorldHint").asBoolean(true))
                        .build())
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(gate, caller, spec, exchange, request))
                .build();
    }

    private static McpSchema.CallToolResult call(
            ToolGate gate,
            Caller caller,
            ToolSpec spec,
            McpSyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        JsonNode args = ScaleJson.mapper().valueToTree(request.arguments() == null ? Map.of() : request.arguments());
        ToolResult result;
        try {
            result = gate.call(caller, spec.slug(), args, progressFor(exchange, request), approverFor(exchange));
        } catch (RuntimeException e) {
            // arguments are not logged: they may hold secrets
            LOG.error(
                    "Gated tool {} failed unexpectedly: {}",
                    spec.slug(),
                    e.getClass().getName());
            result = ToolResult.failed(ToolError.fromStatus(500, "internal error in tool " + spec.slug(), null));
        }
        ObjectNode envelope = result.toJson();
        return McpSchema.CallToolResult.builder()
                .structuredContent(toMap(envelope))
                .addTextContent(ScaleJson.mapper().writeValueAsString(envelope))
                .isError(!result.successful())
                .build();
    }

    /** Asks the person through MCP elicitation when the client declared it can; otherwise nobody can be asked. */
    static Approver approverFor(McpSyncServerExchange exchange) {
        if (exchange == null
                || exchange.getClientCapabilities() == null
                || exchange.getClientCapabilities().elicitation() == null) {
            return Approver.NONE;
        }
        return message -> {
            Map<String, Object> schema = Map.of(
                    "type", "object",
                    "properties",
                            Map.of(
                                    "approve",
                                    Map.of(
                                            "type",
                                            "boolean",
                                            "title",
                                            "Approve",
                                            "description",
                                            "Let this call go to Scale")),
                    "required", java.util.List.of("approve"));
            try {
                McpSchema.ElicitResult answer = exchange.createElicitation(
                        McpSchema.ElicitRequest.builder(message, schema).build());
                boolean yes = answer.action() == McpSchema.ElicitResult.Action.ACCEPT
                        && answer.content() != null
                        && Boolean.TRUE.equals(answer.content().get("approve"));
                return yes ? Approver.Answer.APPROVED : Approver.Answer.DECLINED;
            } catch (RuntimeException e) {
                LOG.warn("Elicitation failed, falling back to confirmation tokens: {}", e.getMessage());
                return Approver.Answer.UNAVAILABLE;
            }
        };
    }

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return ScaleJson.mapper().convertValue(node, Map.class);
    }
}
