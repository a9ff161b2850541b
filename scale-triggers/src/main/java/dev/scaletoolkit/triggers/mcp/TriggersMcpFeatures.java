package dev.scaletoolkit.triggers.mcp;

import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.connection.ConnectionInfo;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.connection.Mode;
import dev.scaletoolkit.gateway.mcp.McpFeatures;
import dev.scaletoolkit.triggers.event.Events;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.List;

/**
 * The triggers' MCP features for each agent token of the gateway, within its scope: only its own connection's
 * events and tasks; nothing on a live connection unless the token allows live; the event tools for tokens with a
 * profile (they only read) and for tokens whose tool list names them.
 */
public final class TriggersMcpFeatures implements McpFeatures {
    private final Events events;
    private final Connections connections;

    public TriggersMcpFeatures(Events events, Connections connections) {
        this.events = events;
        this.connections = connections;
    }

    @Override
    public List<SyncToolSpecification> tools(Caller caller) {
        if (!mayRead(caller)) {
            return List.of();
        }
        return forCaller(caller)
                .tools(name -> caller.profile() != null || caller.tools().contains(name));
    }

    @Override
    public List<SyncResourceTemplateSpecification> resourceTemplates(Caller caller) {
        return mayRead(caller) ? forCaller(caller).resourceTemplates() : List.of();
    }

    @Override
    public void attach(McpSyncServer server, Caller caller) {
        if (mayRead(caller)) {
            // lives as long as the token's server, which the gateway keeps for the process's lifetime
            forCaller(caller).publishTo(server);
        }
    }

    private TriggersMcp forCaller(Caller caller) {
        return new TriggersMcp(events, connections, caller.connection());
    }

    private boolean mayRead(Caller caller) {
        Mode mode =
                connections.info(caller.connection()).map(ConnectionInfo::mode).orElse(null);
        return mode != null && (mode != Mode.LIVE || caller.allowLive());
    }
}
