package dev.scaletoolkit.triggers;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.mcp.GatewayMcp;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.tools.Profile;
import java.nio.file.Path;
import java.util.List;
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

    TestGateway(Path home, TriggerSettings settings) {
        this.home = home;
        this.settings = settings;
        start();
    }

    private void start() {
        gateway = Gateway.open(home, name -> null);
        // the tests' webhook receivers listen on loopback, which webhooks reach only when allowed
        gateway.connections().outbound().allow(java.util.List.of("127.0.0.1"));
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

    /** The gateway's MCP endpoint: each agent token its own server, with the triggers' tools and resources. */
    private ServletHolder mcpServlet() {
        return GatewayMcp.httpServlet(gateway, null, null, triggers.mcpFeatures());
    }

    /** An agent token for connection {@code emu}; the secret to present as a bearer token. */
    String token(String name, Profile profile, List<String> tools, boolean allowLive) {
        return gateway.tokens()
                .create(new AgentTokens.NewToken(name, "emu", profile, tools, null, allowLive))
                .secret();
    }

    /** Stops the HTTP side: callbacks fail as if the receiver were down. */
    void stopHttp() {
        try {
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
    void connect(String name, dev.scaletoolkit.emulator.junit.RunningEmulator scale) {
        gateway.connections()
                .outbound()
                .recordStartedEmulator(java.net.URI.create(scale.baseUrl()).getAuthority());
        gateway.connections()
                .put(new Connections.NewConnection(
                        name, scale.baseUrl() + "/v1", null, scale.liveKey(), scale.callbackAuthKey()));
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
