package dev.scaletoolkit.triggers;

import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;

/** Presents an agent token to the gateway's MCP endpoint. */
final class McpAuth {
    private McpAuth() {}

    static McpSyncHttpClientRequestCustomizer bearer(String token) {
        return (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token);
    }
}
