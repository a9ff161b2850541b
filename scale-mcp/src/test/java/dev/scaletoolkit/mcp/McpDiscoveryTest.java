package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The discovery profile with the MCP SDK's own client over streamable HTTP: three tools listed, every one of the 50
 * found, inspected and called through them; large results come back cut, and the rest is read on. (Through the
 * gateway: scale-gateway's {@code GatewayMcpDiscoveryTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpDiscoveryTest {
    private static final String TOKEN = "discovery_test_token_0123456789";
    private TestEmulator scale; // in-process: the MCP servlets are mounted on it
    private ToolRegistry registry;

    @BeforeAll
    void start() throws Exception {
        // live tasks stay pending for a while, so the tour's cancel and waits have something to do
        scale = TestEmulator.start(b -> b.workforceDelay(java.time.Duration.ofMillis(1500)));
        registry = ToolRegistry.load(
                ScaleBackend.http(scale.baseUrl(), scale.account().liveKey()));
        var emulator = scale.emulator();
        emulator.mount("/discovery/mcp", ScaleMcpServer.httpServlet(registry, Profile.DISCOVERY, TOKEN));
        emulator.mount(
                "/small/mcp", ScaleMcpServer.httpServlet(registry, Profile.DISCOVERY, TOKEN, new ResultBudget(2048)));
    }

    @AfterAll
    void stop() {
        scale.close();
    }

    @Test
    void listsThreeToolsAndReachesEveryToolThroughThem() {
        McpSyncClient client = McpClients.http(scale.baseUrl(), "/discovery/mcp", TOKEN, null);
        try {
            assertThat(McpToolTour.listAll(client))
                    .extracting(McpSchema.Tool::name)
                    .containsExactly("SCALE_AI_SEARCH_TOOLS", "SCALE_AI_GET_TOOL_SCHEMA", "SCALE_AI_CALL_TOOL");
            JsonNode found = data(call(client, "SCALE_AI_SEARCH_TOOLS", Map.of("query", "draw boxes on a photo")));
            assertThat(found.path("tools").get(0).path("name").asString())
                    .isEqualTo("SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK");

            McpToolTour tour = McpToolTour.throughDiscovery(client);
            assertThat(tour.runAll())
                    .containsExactlyInAnyOrderElementsOf(registry.list(Profile.FULL).stream()
                            .map(ToolSpec::slug)
                            .toList());
            // a bad argument is named as in a direct call
            McpSchema.CallToolResult bad =
                    call(client, "SCALE_AI_CALL_TOOL", Map.of("name", "SCALE_AI_GET_TASK", "arguments", Map.of()));
            assertThat(bad.isError()).isTrue();
            assertThat(envelope(bad).path("error").path("problems").toString()).contains("task_id");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aLargeResultIsCutAndTheRestIsReadThroughCallTool() {
        McpSyncClient client = McpClients.http(scale.baseUrl(), "/small/mcp", TOKEN, null);
        try {
            call(
                    client,
                    "SCALE_AI_CALL_TOOL",
                    Map.of("name", "CREATE_PROJECT", "arguments", Map.of("name", "many", "type", "categorization")));
            StringBuilder jsonl = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                jsonl.append("{\"instruction\":\"Is it a cat? Look closely at every part of the picture, please.\","
                                + "\"attachment\":\"https://example.com/")
                        .append(i)
                        .append(".jpg\",\"categories\":[\"cat\",\"dog\"]}\n");
            }
            JsonNode created = data(call(
                    client,
                    "SCALE_AI_CALL_TOOL",
                    Map.of(
                            "name",
                            "CREATE_TASKS_FROM_JSONL",
                            "arguments",
                            Map.of("type", "categorization", "project", "many", "jsonl", jsonl.toString()))));
            assertThat(created.path("created").asInt()).as(created.toString()).isEqualTo(40);

            McpSchema.CallToolResult listed = call(
                    client,
                    "SCALE_AI_CALL_TOOL",
                    Map.of("name", "LIST_TASKS", "arguments", Map.of("project", "many", "limit", 40, "full", true)));
            String text = ((McpSchema.TextContent) listed.content().get(0)).text();
            assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(2048);
            JsonNode marker = envelope(listed).path("truncated");
            assertThat(marker.path("read_more").asString()).contains("SCALE_AI_READ_RESULT");
            JsonNode cut = marker.path("cut").get(0);
            assertThat(cut.path("path").asString()).isEqualTo("docs");
            assertThat(cut.path("total").asInt()).isEqualTo(40);

            Map<String, Object> read = new LinkedHashMap<>();
            read.put("result_id", marker.path("result_id").asString());
            read.put("path", "docs");
            read.put("offset", cut.path("kept").asInt());
            JsonNode rest =
                    data(call(client, "SCALE_AI_CALL_TOOL", Map.of("name", "SCALE_AI_READ_RESULT", "arguments", read)));
            assertThat(rest.path("value").size()).isPositive();
            assertThat(rest.path("total").asInt()).isEqualTo(40);
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
