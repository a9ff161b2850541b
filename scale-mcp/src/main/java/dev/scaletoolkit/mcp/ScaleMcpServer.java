package dev.scaletoolkit.mcp;

import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.discovery.Discovery;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.LoggerFactory;

/**
 * The Scale tools as an MCP server, on the official MCP Java SDK: over stdio for desktop agents, or as a
 * streamable-HTTP servlet mounted at {@code /mcp} on the emulator's port.
 */
public final class ScaleMcpServer {
    public static final String NAME = "scale-toolkit";
    /** The toolkit version, from the build (the same string the CLI and the SDK report). */
    public static final String VERSION = dev.scaletoolkit.client.SdkVersion.VERSION;

    private static final String INSTRUCTIONS = "Tools for Scale AI's data-labeling API: create labeling tasks of each"
            + " type, organise them in projects and batches, follow their progress, and manage Studio teams."
            + " Every result is {successful, data, error}; on failure, error.retryable says whether to try again.";

    /** Short on purpose: the discovery profile's whole opening (initialize + tools/list) stays under 2 KB. */
    public static final String DISCOVERY_INSTRUCTIONS = "Scale AI data-labeling tools, found on demand: search with"
            + " SCALE_AI_SEARCH_TOOLS, read a schema with SCALE_AI_GET_TOOL_SCHEMA, call with SCALE_AI_CALL_TOOL."
            + " Results are {successful, data, error}.";

    private static final AtomicInteger MOUNTS = new AtomicInteger();

    private ScaleMcpServer() {}

    /** The JSON mapper the SDK uses, bound to Jackson 3 as the rest of the toolkit. */
    public static McpJsonMapper jsonMapper() {
        return McpJsonDefaults.getMapper();
    }

    /** Serves the tools of {@code profile} over the given streams until the input ends. */
    public static McpSyncServer stdio(ToolRegistry registry, Profile profile, InputStream in, OutputStream out) {
        return stdio(() -> registry, profile, in, out);
    }

    /**
     * As {@link #stdio(ToolRegistry, Profile, InputStream, OutputStream)}, loading the registry on a second thread:
     * the client's {@code initialize} is answered meanwhile (it needs no tool), and the messages after it wait
     * until the tools are registered, so {@code tools/list} is always the whole list. If the registry cannot be
     * loaded, the reason is logged and the session ends as if the input had.
     */
    public static McpSyncServer stdio(
            Supplier<ToolRegistry> registry, Profile profile, InputStream in, OutputStream out) {
        ResultBudget budget = ResultBudget.fromEnv(System::getenv);
        CompletableFuture<List<SyncToolSpecification>> tools =
                CompletableFuture.supplyAsync(() -> tools(registry.get(), profile, budget), r -> {
                    Thread t = new Thread(r, "scale-mcp-catalog");
                    t.setDaemon(true);
                    t.start();
                });
        CompletableFuture<Void> registered = new CompletableFuture<>();
        StdioServerTransportProvider transport =
                new StdioServerTransportProvider(jsonMapper(), new HeldInput(in, registered), out);
        McpSyncServer server =
                configure(McpServer.sync(transport), List.of(), profile).build();
        tools.whenComplete((list, failure) -> {
            if (failure != null) {
                LoggerFactory.getLogger(ScaleMcpServer.class)
                        .error(
                                "scale mcp: the tools could not be loaded: {}",
                                (failure.getCause() != null ? failure.getCause() : failure).getMessage());
                registered.completeExceptionally(failure);
                return;
            }
            list.forEach(server::addTool);
            registered.complete(null);
        });
        return server;
    }

    /**
     * A servlet for streamable HTTP at {@code /mcp}; every request must carry {@code Authorization: Bearer
     * <token>}. Mount it with {@code ScaleEmulator.mount("/mcp", holder)} or on any Jetty EE10 context.
     */
    public static ServletHolder httpServlet(ToolRegistry registry, Profile profile, String bearerToken) {
        return httpServlet(registry, profile, bearerToken, ResultBudget.fromEnv(System::getenv));
    }

    /** As above, with results kept within {@code budget}. */
    public static ServletHolder httpServlet(
            ToolRegistry registry, Profile profile, String bearerToken, ResultBudget budget) {
        // Jetty maps paths to servlets by holder name, so each mount needs its own name.
        ServletHolder holder = new ServletHolder(
                "scale-mcp-" + profile.wireName() + "-" + MOUNTS.incrementAndGet(),
                servlet(registry, profile, bearerToken, budget));
        // The SDK's streamable transport answers asynchronously; without this every POST fails.
        holder.setAsyncSupported(true);
        return holder;
    }

    /** The servlet of {@link #httpServlet} without its holder, for endpoints that forward to it (the gateway's). */
    public static jakarta.servlet.http.HttpServlet servlet(ToolRegistry registry, Profile profile, String bearerToken) {
        return servlet(registry, profile, bearerToken, ResultBudget.fromEnv(System::getenv));
    }

    private static jakarta.servlet.http.HttpServlet servlet(
            ToolRegistry registry, Profile profile, String bearerToken, ResultBudget budget) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(jsonMapper())
                .mcpEndpoint("/mcp")
                .keepAliveInterval(Duration.ofSeconds(30))
                .build();
        configure(McpServer.sync(transport), tools(registry, profile, budget), profile)
                .build();
        return new BearerTokenServlet(new JsonRpcErrorShield(transport), bearerToken);
    }

    /** The MCP tools of {@code profile}, in the order {@code tools/list} gives them. */
    static List<SyncToolSpecification> tools(ToolRegistry registry, Profile profile, ResultBudget budget) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        if (profile == Profile.DISCOVERY) {
            Discovery discovery = new Discovery(registry.list(Profile.FULL), registry);
            tools.addAll(McpDiscovery.tools(discovery, exchange -> registry::call, budget));
        } else {
            registry.list(profile).forEach(t -> tools.add(McpToolAdapter.toMcp(registry, t, budget)));
            tools.add(McpDiscovery.readResult(budget));
        }
        return tools;
    }

    private static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec, List<SyncToolSpecification> tools, Profile profile) {
        return spec.serverInfo(NAME, VERSION)
                .instructions(profile == Profile.DISCOVERY ? DISCOVERY_INSTRUCTIONS : INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .prompts(false)
                        .build())
                .prompts(McpPrompts.all())
                // The registry validates inputs itself and reports every bad field in the tool envelope.
                .validateToolInputs(false)
                // The catalog's schemas are checked in the build, not at every start (CatalogSchemaValidator).
                .jsonSchemaValidator(CatalogSchemaValidator.INSTANCE)
                .requestTimeout(Duration.ofMinutes(10))
                .tools(tools);
    }
}
