package dev.scaletoolkit.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.audit.AuditEntry;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.tools.Profile;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One MCP endpoint, many agents: each token sees and may call only what it allows; costly calls are put to the
 * person when the client supports elicitation; all over real HTTP with the MCP SDK's own client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayMcpTest {
    private TestEmulator scale; // in-process: the MCP servlets are mounted on it
    private Gateway gateway;
    private Path home;

    @BeforeAll
    void start() throws Exception {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        home = Files.createTempDirectory("gateway-mcp");
        gateway = Gateway.open(home, Map.<String, String>of()::get);
        String url = scale.baseUrl() + "/v1";
        gateway.connections()
                .outbound()
                .recordStartedEmulator(java.net.URI.create(url).getAuthority());
        gateway.connections()
                .add(new NewConnection("live", url, null, scale.account().liveKey(), null));
        gateway.connections()
                .add(new NewConnection("test", url, null, scale.account().testKey(), null));
        scale.emulator().mount("/mcp", GatewayMcp.httpServlet(gateway, null, null));
    }

    @AfterAll
    void stop() {
        gateway.close();
        scale.close();
    }

    private AgentTokens.Created token(String connection, Profile profile, boolean live) {
        return gateway.tokens()
                .create(new AgentTokens.NewToken("mcp-" + connection, connection, profile, null, null, live));
    }

    private McpSyncClient client(String token, McpSchema.ElicitResult answer) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(scale.baseUrl())
                .endpoint("/mcp")
                .httpRequestCustomizer((r, m, u, b, c) -> r.header("Authorization", "Bearer " + token))
                .build();
        McpClient.SyncSpec spec = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("gateway-test", "1"));
        if (answer != null) {
            spec.capabilities(
                            McpSchema.ClientCapabilities.builder().elicitation().build())
                    .elicitation(request -> answer);
        }
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    private static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(McpSchema.CallToolResult r) {
        return (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("error");
    }

    @Test
    void aReadonlyTokenListsAndCallsOnlyReadTools() {
        AgentTokens.Created readonly = token("test", Profile.READONLY, false);
        AgentTokens.Created full = token("test", Profile.FULL, false);
        McpSyncClient a = client(readonly.secret(), null);
        McpSyncClient b = client(full.secret(), null);
        try {
            List<McpSchema.Tool> seen = a.listTools().tools();
            assertThat(seen).isNotEmpty().allMatch(t -> t.annotations().readOnlyHint());
            assertThat(b.listTools().tools().size())
                    .as("the same endpoint, another token")
                    .isGreaterThan(seen.size());
            assertThat(call(a, "SCALE_AI_LIST_PROJECTS", Map.of()).isError()).isFalse();
            // a tool out of the token's scope is refused as every refusal is: the documented tool error, audited
            // and counted (not a JSON-RPC "Unknown tool" that leaves no trace)
            McpSchema.CallToolResult refused =
                    call(a, "SCALE_AI_CREATE_PROJECT", Map.of("name", "nope", "type", "imageannotation"));
            assertThat(refused.isError()).isTrue();
            assertThat(error(refused).get("code")).isEqualTo("tool_not_allowed");
            var audited = gateway.audit().newest(1).get(0);
            assertThat(audited.tool()).isEqualTo("SCALE_AI_CREATE_PROJECT");
            assertThat(audited.errorCode()).isEqualTo("tool_not_allowed");
            assertThat(gateway.metrics().scrape()).contains("tool_not_allowed");
            // a name that is no tool at all stays a protocol error
            assertThatThrownBy(() -> call(a, "NO_SUCH_TOOL", Map.of())).hasMessageContaining("Unknown tool");
            assertThat(call(b, "SCALE_AI_LIST_PROJECTS", Map.of()).isError()).isFalse();
        } finally {
            a.closeGracefully();
            b.closeGracefully();
        }
    }

    @Test
    void aTokenWithoutTheLiveFlagCannotTouchALiveConnection() {
        McpSyncClient c = client(token("live", Profile.FULL, false).secret(), null);
        try {
            McpSchema.CallToolResult r = call(c, "SCALE_AI_LIST_PROJECTS", Map.of());
            assertThat(r.isError()).isTrue();
            assertThat(error(r).get("code")).isEqualTo("live_not_allowed");
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void anElicitationCapableClientIsAskedAndTheAuditRecordsThePerson() {
        AgentTokens.Created t = token("live", Profile.FULL, true);
        McpSyncClient c = client(
                t.secret(), new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", true)));
        try {
            assertThat(call(c, "SCALE_AI_CREATE_PROJECT", Map.of("name", "asked", "type", "imageannotation"))
                            .isError())
                    .isFalse();
            McpSchema.CallToolResult created = call(
                    c,
                    "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                    Map.of(
                            "project", "asked",
                            "instruction", "Box the cars.",
                            "attachment", "https://example.com/car.jpg",
                            "geometries", Map.of("box", Map.of("objects_to_annotate", List.of("car")))));
            assertThat(created.isError())
                    .as(String.valueOf(created.structuredContent()))
                    .isFalse();
            AuditEntry last = gateway.audit().newest(1).get(0);
            assertThat(last.tool()).isEqualTo("SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK");
            assertThat(last.confirmation()).isEqualTo("person");
            assertThat(last.caller()).contains(t.token().id()).doesNotContain(t.secret());
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void withoutElicitationACostlyCallFailsClosedAndADryRunGivesAToken() {
        McpSyncClient c = client(token("live", Profile.FULL, true).secret(), null);
        try {
            call(c, "SCALE_AI_CREATE_PROJECT", Map.of("name", "tokened", "type", "imageannotation"));
            Map<String, Object> args = Map.of(
                    "project", "tokened",
                    "instruction", "Box the cars.",
                    "attachment", "https://example.com/car.jpg",
                    "geometries", Map.of("box", Map.of("objects_to_annotate", List.of("car"))));
            McpSchema.CallToolResult bare = call(c, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", args);
            assertThat(error(bare).get("code")).isEqualTo("confirmation_required");
            var dry = new java.util.HashMap<>(args);
            dry.put("dry_run", true);
            McpSchema.CallToolResult preview = call(c, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", dry);
            assertThat(preview.isError())
                    .as(String.valueOf(preview.structuredContent()))
                    .isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Object> data =
                    (Map<String, Object>) ((Map<String, Object>) preview.structuredContent()).get("data");
            @SuppressWarnings("unchecked")
            String token = (String) ((Map<String, Object>) data.get("confirmation")).get("token");
            var confirmed = new java.util.HashMap<>(args);
            confirmed.put("confirmation_token", token);
            assertThat(call(c, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", confirmed)
                            .isError())
                    .isFalse();
            assertThat(error(call(c, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", confirmed))
                            .get("code"))
                    .isEqualTo("confirmation_invalid");
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void unknownAndRevokedTokensGet401() throws Exception {
        AgentTokens.Created t = token("test", Profile.CORE, false);
        gateway.tokens().revoke(t.token().id());
        for (String bearer : List.of(t.secret(), "sgt_nothing.x", "")) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(scale.baseUrl() + "/mcp"))
                                    .header("Authorization", "Bearer " + bearer)
                                    .header("Content-Type", "application/json")
                                    .header("Accept", "application/json, text/event-stream")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,"
                                            + "\"method\":\"initialize\",\"params\":{}}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).doesNotContain(t.secret());
        }
        assertThatThrownBy(() -> client(t.secret(), null)).isInstanceOf(RuntimeException.class);
    }
}
