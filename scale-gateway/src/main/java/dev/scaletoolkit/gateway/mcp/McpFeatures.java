package dev.scaletoolkit.gateway.mcp;

import dev.scaletoolkit.gateway.call.Caller;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.List;

/**
 * More MCP features for the gateway's servers, per caller (the triggers' event tools and task resources). The
 * caller's scope is the extension's to apply: list only what the caller may use.
 */
public interface McpFeatures {
    McpFeatures NONE = new McpFeatures() {
        @Override
        public List<SyncToolSpecification> tools(Caller caller) {
            return List.of();
        }

        @Override
        public List<SyncResourceTemplateSpecification> resourceTemplates(Caller caller) {
            return List.of();
        }

        @Override
        public void attach(McpSyncServer server, Caller caller) {}
    };

    List<SyncToolSpecification> tools(Caller caller);

    /** Resource templates; when there are any, the server offers resources with subscriptions. */
    List<SyncResourceTemplateSpecification> resourceTemplates(Caller caller);

    /** Called once the caller's server is built, e.g. to send it resource-updated notifications. */
    void attach(McpSyncServer server, Caller caller);
}
