package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.mcp.GatewayMcp;
import dev.scaletoolkit.gateway.token.AgentToken;
import dev.scaletoolkit.tools.Profile;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * {@code scale mcp --token T} or {@code --connection NAME}: MCP over stdio through the gateway, as one caller (the
 * agent token, or the operator on the named connection with the chosen profile). Every call is checked and
 * audited as over HTTP.
 */
final class GatewayStdio {
    private GatewayStdio() {}

    static int serve(
            CommandLine.Model.CommandSpec spec,
            String token,
            String connection,
            Profile profile,
            InputStream in,
            CountDownLatch inputClosed)
            throws InterruptedException {
        try (Gateway gw = GatewayAccess.open(spec)) {
            Caller caller;
            if (token != null) {
                AgentToken t = gw.tokens()
                        .authenticate(token)
                        .orElseThrow(() -> new CommandLine.ParameterException(
                                spec.commandLine(), "the agent token is unknown, expired or revoked"));
                caller = Caller.of(t);
            } else {
                gw.connections().require(connection);
                caller = Caller.operator(connection, profile);
            }
            var err = spec.commandLine().getErr();
            err.println("scale mcp: serving " + caller.name() + " on connection " + caller.connection()
                    + " through the gateway (" + gw.home() + ")");
            err.flush();
            McpSyncServer server = GatewayMcp.stdio(gw, caller, in, ScaleCli.stdout(spec));
            inputClosed.await();
            server.closeGracefully();
        }
        return 0;
    }
}
