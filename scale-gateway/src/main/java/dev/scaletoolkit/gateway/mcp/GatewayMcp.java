package dev.scaletoolkit.gateway.mcp;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.call.ConnectionTools;
import dev.scaletoolkit.gateway.call.ToolGate;
import dev.scaletoolkit.mcp.ElicitationSafeJsonMapper;
import dev.scaletoolkit.mcp.JsonRpcErrorShield;
import dev.scaletoolkit.mcp.McpDiscovery;
import dev.scaletoolkit.mcp.McpPrompts;
import dev.scaletoolkit.mcp.ScaleMcpServer;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.discovery.Discovery;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The tools served through the gateway, over streamable HTTP (one endpoint, each agent token seeing its own
 * tools) or over stdio (one caller: a token or a connection named on the command line).
 */
public final class GatewayMcp {
    private static final AtomicInteger MOUNTS = new AtomicInteger();
    // the gateway asks people through elicitation, which the SDK's own mapper cannot write under Jackson 3.2
    private static final ElicitationSafeJsonMapper JSON = new ElicitationSafeJsonMapper(ScaleMcpServer.jsonMapper());

    private GatewayMcp() {}

    /**
     * A servlet for {@code /mcp} that admits agent tokens, and the operator's own token (may be null) for the plain
     * server {@code operator} (may be null; {@link ScaleMcpServer#servlet}).
     */
    public static ServletHolder httpServlet(Gateway gateway, HttpServlet operator, String operatorToken) {
        return httpServlet(gateway, operator, operatorToken, McpFeatures.NONE);
    }

    /** As above, each agent's server also serving {@code features} (the triggers' events and resources). */
    public static ServletHolder httpServlet(
            Gateway gateway, HttpServlet operator, String operatorToken, McpFeatures features) {
        // a servlet, not a holder: an unstarted holder gives neither getServlet() nor getServletInstance()
        HttpServlet operatorServlet = operator;
        ServletHolder holder = new ServletHolder(
                "scale-gateway-mcp-" + MOUNTS.incrementAndGet(),
                new GatewayMcpServlet(gateway, operatorServlet, operator == null ? null : operatorToken, features));
        holder.setAsyncSupported(true);
        return holder;
    }

    /** Serves one caller's tools over the given streams until the input ends. */
    public static McpSyncServer stdio(Gateway gateway, Caller caller, InputStream in, OutputStream out) {
        StdioServerTransportProvider transport = new StdioServerTransportProvider(JSON, in, out);
        return configure(McpServer.sync(transport), gateway, caller).build();
    }

    /** The streamable-HTTP transport of one caller's server (a servlet, not yet initialised). */
    static HttpServlet serverFor(Gateway gateway, Caller caller, McpFeatures features) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(JSON)
                .mcpEndpoint("/mcp")
                .keepAliveInterval(Duration.ofSeconds(30))
                .build();
        var templates = features.resourceTemplates(caller);
        var spec = configure(McpServer.sync(transport), gateway, caller).tools(features.tools(caller));
        if (!templates.isEmpty()) {
            spec.capabilities(McpSchema.ServerCapabilities.builder()
                            .tools(false)
                            .prompts(false)
                            .resources(true, false)
                            .build())
                    .resourceTemplates(templates);
        }
        features.attach(spec.build(), caller);
        // the same shield as the plain server: no stack trace or exception text ever reaches a client
        return new JsonRpcErrorShield(transport);
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, Gateway gateway, Caller caller) {
        ResultBudget budget = ResultBudget.fromEnv(System::getenv);
        ToolGate gate = gateway.gate();
        List<ToolSpec> visible = gate.list(caller);
        List<SyncToolSpecification> tools = new ArrayList<>();
        if (caller.discovery()) {
            // every call the discovery tools make passes the same gate as a direct call, as this caller
            Discovery discovery = new Discovery(visible, ConnectionTools.catalog());
            tools.addAll(McpDiscovery.tools(
                    discovery,
                    exchange -> (name, args, progress) ->
                            gate.call(caller, name, args, progress, GatedToolAdapter.approverFor(exchange)),
                    budget));
        } else {
            visible.forEach(t -> tools.add(GatedToolAdapter.toMcp(gate, caller, t, budget)));
            tools.add(McpDiscovery.readResult(budget));
        }
        String confirm = " Costly or destructive calls need confirmation: call them with \"dry_run\": true first,"
                + " then again with the \"confirmation_token\" it returns.";
        return spec.serverInfo(ScaleMcpServer.NAME, ScaleMcpServer.VERSION)
                .instructions(
                        caller.discovery()
                                ? ScaleMcpServer.DISCOVERY_INSTRUCTIONS + confirm
                                : "Tools for Scale AI's data-labeling API through the scale-toolkit gateway, on"
                                        + " connection '" + caller.connection() + "'." + confirm
                                        + " Every result is {successful, data, error}.")
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .prompts(false)
                        .build())
                .prompts(McpPrompts.all())
                .validateToolInputs(false)
                .requestTimeout(Duration.ofMinutes(10))
                .tools(tools);
    }
}
