package dev.scaletoolkit.gateway.mcp;

import dev.scaletoolkit.gateway.call.Approver;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.call.ToolGate;
import dev.scaletoolkit.mcp.McpToolAdapter;
import dev.scaletoolkit.model.jackson.ScaleJson;
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
 * A tool served through the gateway: every call passes the {@link ToolGate} as one caller (scope, live flag,
 * budgets, confirmation, audit). Where the client supports elicitation, costly calls are put to the person. The
 * MCP tool itself is built by {@link McpToolAdapter}; this class adds the gate and the dry-run output.
 */
final class GatedToolAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatedToolAdapter.class);

    private GatedToolAdapter() {}

    static SyncToolSpecification toMcp(ToolGate gate, Caller caller, ToolSpec spec, ResultBudget budget) {
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
        return McpToolAdapter.toMcp(
                spec,
                output,
                (slug, args, exchange, progress) -> gate.call(caller, slug, args, progress, approverFor(exchange)),
                budget);
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
}
