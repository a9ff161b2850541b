package dev.scaletoolkit.mcp;

import dev.scaletoolkit.tools.ToolRunner;
import dev.scaletoolkit.tools.discovery.Discovery;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The discovery profile over MCP: the three discovery tools instead of the whole catalog; in the other profiles,
 * {@value Discovery#READ_RESULT} for results cut to the budget. The discovery tools carry no output schema: their
 * {@code data} is whatever the called tool returns, and leaving it out keeps the listing near 1.5 KB.
 */
public final class McpDiscovery {
    private McpDiscovery() {}

    /** The three discovery tools; {@code runnerFor} gives the caller's runner for one exchange (its approver). */
    public static List<SyncToolSpecification> tools(
            Discovery discovery, Function<McpSyncServerExchange, ToolRunner> runnerFor, ResultBudget budget) {
        List<SyncToolSpecification> out = new ArrayList<>();
        for (var spec : Discovery.tools()) {
            out.add(McpToolAdapter.toMcp(
                    spec,
                    null,
                    (slug, args, exchange, progress) ->
                            discovery.call(slug, args, readingResults(runnerFor.apply(exchange), budget), progress),
                    budget));
        }
        return out;
    }

    /**
     * In the discovery profile {@value Discovery#READ_RESULT} is not listed (the opening stays under 2 KB): it is
     * reached through {@value Discovery#CALL_TOOL} like any other tool.
     */
    private static ToolRunner readingResults(ToolRunner runner, ResultBudget budget) {
        return (name, args, progress) ->
                Discovery.READ_RESULT.equalsIgnoreCase(name.trim()) || "READ_RESULT".equalsIgnoreCase(name.trim())
                        ? budget.read(args)
                        : runner.run(name, args, progress);
    }

    /** {@value Discovery#READ_RESULT}: reads on in a result this server cut. */
    public static SyncToolSpecification readResult(ResultBudget budget) {
        return McpToolAdapter.toMcp(
                Discovery.spec(Discovery.READ_RESULT),
                null,
                (slug, args, exchange, progress) -> budget.read(args),
                budget);
    }
}
