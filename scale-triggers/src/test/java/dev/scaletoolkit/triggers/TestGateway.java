package dev.scaletoolkit.triggers;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.triggers.mcp.TriggersMcp;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The triggers on a real HTTP port, over a SQLite file that survives {@link #restart}: the part of a gateway
 * process these tests need. The port stays the same across restarts, so Scale's callback URLs keep working.
 */
final class TestGateway implements AutoCloseable {
    private final Path home;
    private final TriggerSettings settings;
    private Gateway gateway;
    private Triggers triggers;
    private Server server;
    private int port;
    private McpSyncServer mcpServer;
    private AutoCloseable mcpPublisher;

    TestGateway(Path home, TriggerSettings settings) {
        this.home = home;
        this.settings = settings;
        start();
    }

    private void start() {
        gateway = Gateway.open(home, name -> null);
        triggers = Triggers.start(gateway, name -> null, settings);
        startHttp();
    }

    /** Starts the HTTP side only (the receiver comes back; the pollers never stopped). */
    void startHttp() {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(triggers.callbackServlet(), "/callbacks/*");
        context.addServlet(mcpServlet(), "/mcp");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        port = connector.getLocalPort();
    }

    /**
     * The event tools and resources of connection {@code emu} over streamable HTTP, as the gateway's MCP endpoint
     * serves them to a token bound to that connection.
     */
    private ServletHolder mcpServlet() {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint("/mcp")
                .build();
        TriggersMcp features = new TriggersMcp(triggers.events(), gateway.connections(), "emu");
        mcpServer = McpServer.sync(transport)
                .serverInfo("scale-gateway-test", "1")
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(true, false)
                        .build())
                // as the toolkit's servers do: our handlers name every bad field themselves
                .validateToolInputs(false)
                .tools(features.tools(name -> true))
                .resourceTemplates(features.resourceTemplates())
                .build();
        mcpPublisher = features.publishTo(mcpServer);
        ServletHolder holder = new ServletHolder("mcp", transport);
        holder.setAsyncSupported(true);
        return holder;
    }

    /** Stops the HTTP side: callbacks fail as if the receiver were down. */
    void stopHttp() {
        try {
            mcpPublisher.close();
            mcpServer.close();
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops everything (HTTP, pollers, database) and starts again on the same file and port. */
    void restart() {
        close();
        start();
    }

    Triggers triggers() {
        return triggers;
    }

    Gateway gateway() {
        return gateway;
    }

    /** Adds (or replaces) a connection to the emulator's account. */
    void connect(String name, dev.scaletoolkit.emulator.testing.TestEmulator scale) {
        gateway.connections()
                .put(new Connections.NewConnection(
                        name,
                        scale.baseUrl() + "/v1",
                        null,
                        scale.account().liveKey(),
                        scale.account().callbackAuthKey()));
    }

    String callbackUrl(String connection) {
        return "http://127.0.0.1:" + port + "/callbacks/" + connection;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stopHttp();
        triggers.close();
        gateway.close();
    }
}
