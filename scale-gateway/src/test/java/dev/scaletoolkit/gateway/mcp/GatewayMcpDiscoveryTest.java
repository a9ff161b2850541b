package dev.scaletoolkit.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.audit.AuditEntry;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.mcp.McpClients;
import dev.scaletoolkit.mcp.McpToolTour;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The discovery profile through the gateway, with the MCP SDK's own client over streamable HTTP: a scoped token
 * finds, reads and calls only its tools, every call (refusals too) is audited, and a costly call found through
 * discovery needs the same confirmation as a direct one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayMcpDiscoveryTest {
    private TestEmulator scale; // in-process: the gateway's MCP servlet is mounted on it
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        scale = TestEmulator.start(b -> b.workforceDelay(java.time.Duration.ofMillis(1500)));
        Path home = Files.createTempDirectory("discovery-gateway");
        gateway = Gateway.open(home, Map.<String, String>of()::get);
        gateway.connections()
                .outbound()
                .recordStartedEmulator(java.net.URI.create(scale.baseUrl()).getAuthority());
        gateway.connections()
                .add(new NewConnection(
                        "test", scale.baseUrl() + "/v1", null, scale.account().testKey(), null));
        scale.emulator().mount("/mcp", GatewayMcp.httpServlet(gateway, null, null));
    }

    @AfterAll
    void stop() {
        gateway.close();
        scale.close();
    }

    @Test
    void aScopedGatewayTokenFindsReadsAndCallsOnlyItsToolsAndEveryCallIsAudited() {
        AgentTokens.Created scoped = gateway.tokens()
                .create(new AgentTokens.NewToken(
                        "scoped-discovery",
                        "test",
                        Profile.DISCOVERY,
                        List.of("LIST_PROJECTS", "GET_PROJECT"),
                        null,
                        false));
        McpSyncClient client = McpClients.http(scale.baseUrl(), "/mcp", scoped.secret(), null);
        try {
            assertThat(McpToolTour.listAll(client)).hasSize(3);
            JsonNode found =
                    data(call(client, "SCALE_AI_SEARCH_TOOLS", Map.of("query", "create a project", "limit", 10)));
            assertThat(found.path("tools").findValuesAsString("name"))
                    .isNotEmpty()
                    .isSubsetOf("SCALE_AI_LIST_PROJECTS", "SCALE_AI_GET_PROJECT");
            McpSchema.CallToolResult schema =
                    call(client, "SCALE_AI_GET_TOOL_SCHEMA", Map.of("name", "SCALE_AI_CREATE_PROJECT"));
            assertThat(envelope(schema).path("error").path("code").asString()).isEqualTo("tool_not_allowed");

            McpSchema.CallToolResult refused = call(
                    client,
                    "SCALE_AI_CALL_TOOL",
                    Map.of("name", "CREATE_PROJECT", "arguments", Map.of("name", "nope", "type", "imageannotation")));
            assertThat(refused.isError()).isTrue();
            assertThat(envelope(refused).path("error").path("code").asString()).isEqualTo("tool_not_allowed");
            AuditEntry last = gateway.audit().newest(1).get(0);
            assertThat(last.tool()).isEqualTo("SCALE_AI_CREATE_PROJECT");
            assertThat(last.errorCode()).isEqualTo("tool_not_allowed");
            assertThat(last.caller()).contains("scoped-discovery");

            assertThat(call(client, "SCALE_AI_CALL_TOOL", Map.of("name", "SCALE_AI_LIST_PROJECTS"))
                            .isError())
                    .isFalse();
            assertThat(gateway.audit().newest(1).get(0).tool()).isEqualTo("SCALE_AI_LIST_PROJECTS");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aCostlyCallThroughDiscoveryNeedsTheSameConfirmation() {
        AgentTokens.Created all = gateway.tokens()
                .create(new AgentTokens.NewToken("all-discovery", "test", Profile.DISCOVERY, null, null, false));
        McpSyncClient client = McpClients.http(scale.baseUrl(), "/mcp", all.secret(), null);
        try {
            JsonNode schema = data(call(client, "SCALE_AI_GET_TOOL_SCHEMA", Map.of("name", "CREATE_TASKS_FROM_JSONL")));
            assertThat(schema.path("input_schema").path("properties").has("dry_run"))
                    .isTrue();
            call(
                    client,
                    "SCALE_AI_CALL_TOOL",
                    Map.of(
                            "name",
                            "CREATE_PROJECT",
                            "arguments",
                            Map.of("name", "confirm-me", "type", "categorization")));
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("type", "categorization");
            args.put("project", "confirm-me");
            StringBuilder jsonl = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                jsonl.append("{\"instruction\":\"Cat?\",\"attachment\":\"https://example.com/c")
                        .append(i)
                        .append(".jpg\",\"categories\":[\"cat\",\"dog\"]}\n");
            }
            args.put("jsonl", jsonl.toString());
            McpSchema.CallToolResult bare =
                    call(client, "SCALE_AI_CALL_TOOL", Map.of("name", "CREATE_TASKS_FROM_JSONL", "arguments", args));
            assertThat(envelope(bare).path("error").path("code").asString()).isEqualTo("confirmation_required");
            assertThat(gateway.audit().newest(1).get(0).confirmation()).isEqualTo("missing");

            Map<String, Object> dry = new LinkedHashMap<>(args);
            dry.put("dry_run", true);
            JsonNode preview = data(
                    call(client, "SCALE_AI_CALL_TOOL", Map.of("name", "CREATE_TASKS_FROM_JSONL", "arguments", dry)));
            Map<String, Object> confirmed = new LinkedHashMap<>(args);
            confirmed.put(
                    "confirmation_token",
                    preview.path("confirmation").path("token").asString());
            JsonNode done = data(call(
                    client, "SCALE_AI_CALL_TOOL", Map.of("name", "CREATE_TASKS_FROM_JSONL", "arguments", confirmed)));
            assertThat(done.path("created").asInt()).isEqualTo(30);
            AuditEntry last = gateway.audit().newest(1).get(0);
            assertThat(last.tool()).isEqualTo("SCALE_AI_CREATE_TASKS_FROM_JSONL");
            assertThat(last.confirmation()).isEqualTo("token");
        } finally {
            client.closeGracefully();
        }
    }

    private static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    }

    private static JsonNode envelope(McpSchema.CallToolResult r) {
        return ScaleJson.mapper().valueToTree(r.structuredContent());
    }

    private static JsonNode data(McpSchema.CallToolResult r) {
        JsonNode e = envelope(r);
        assertThat(e.path("successful").asBoolean()).as(e.toString()).isTrue();
        return e.path("data");
    }
}
