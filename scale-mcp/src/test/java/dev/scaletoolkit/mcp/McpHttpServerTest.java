package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The MCP server over streamable HTTP, mounted on a running emulator as {@code ./scale up} mounts it, and used
 * through the SDK's own client: listing per profile, every tool, bad arguments, the bearer token and progress.
 */
// Live tasks stay pending for a while, so one can be cancelled and a wait has something to report.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpHttpServerTest {
    private static final String TOKEN = "mcp_test_token_0123456789";

    private TestEmulator scale; // in-process: the MCP servlets are mounted on it
    private ToolRegistry registry;

    @AfterAll
    void stop() {
        scale.close();
    }

    @BeforeAll
    void start() {
        scale = TestEmulator.start(b -> b.workforceDelay(Duration.ofMillis(1500)));
        registry = ToolRegistry.load(
                ScaleBackend.http(scale.baseUrl(), scale.account().liveKey()));
        // Mounted after start, as 'scale up' does: the servlet must still be reachable.
        scale.emulator().mount("/mcp", ScaleMcpServer.httpServlet(registry, Profile.FULL, TOKEN));
        scale.emulator().mount("/core/mcp", ScaleMcpServer.httpServlet(registry, Profile.CORE, TOKEN));
        scale.emulator().mount("/readonly/mcp", ScaleMcpServer.httpServlet(registry, Profile.READONLY, TOKEN));
    }

    private McpSyncClient client(String endpoint, Consumer<McpSchema.ProgressNotification> progress) {
        McpSyncClient client = McpClients.http(scale.baseUrl(), endpoint, TOKEN, progress);
        client.initialize();
        return client;
    }

    private List<String> slugs(Profile profile) {
        return registry.list(profile).stream().map(ToolSpec::slug).toList();
    }

    @Test
    void eachProfileListsItsTools() {
        for (String endpoint : List.of("/mcp", "/core/mcp", "/readonly/mcp")) {
            Profile profile = endpoint.equals("/mcp")
                    ? Profile.FULL
                    : Profile.parse(endpoint.substring(1, endpoint.indexOf("/mcp")));
            McpSyncClient client = client(endpoint, null);
            try {
                List<McpSchema.Tool> listed = McpToolTour.listAll(client);
                // every profile also lists the reader of results cut to size
                assertThat(listed).extracting(McpSchema.Tool::name).contains("SCALE_AI_READ_RESULT");
                List<McpSchema.Tool> tools = listed.stream()
                        .filter(t -> !t.name().equals("SCALE_AI_READ_RESULT"))
                        .toList();
                assertThat(tools)
                        .extracting(McpSchema.Tool::name)
                        .as(endpoint)
                        .containsExactlyInAnyOrderElementsOf(slugs(profile));
                if (profile == Profile.FULL) {
                    assertThat(tools).hasSize(50);
                    assertThat(tools).allSatisfy(t -> {
                        assertThat(t.description()).isNotBlank();
                        assertThat(t.outputSchema()).containsKey("properties");
                    });
                } else if (profile == Profile.READONLY) {
                    assertThat(tools)
                            .allSatisfy(t -> assertThat(t.annotations().readOnlyHint())
                                    .as(t.name())
                                    .isTrue());
                }
            } finally {
                client.closeGracefully();
            }
        }
        assertThat(slugs(Profile.CORE)).hasSizeLessThan(slugs(Profile.READONLY).size());
    }

    @Test
    void everyToolSucceedsAndMatchesItsOutputSchema() {
        McpSyncClient client = client("/mcp", null);
        try {
            McpToolTour tour = new McpToolTour(client);
            assertThat(tour.runAll()).containsExactlyInAnyOrderElementsOf(slugs(Profile.FULL));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void badArgumentsComeBackAsAnErrorNamingEveryField() {
        McpSyncClient client = client("/mcp", null);
        try {
            McpToolTour tour = new McpToolTour(client);
            McpSchema.CallToolResult result =
                    tour.raw("SCALE_AI_CREATE_BATCH", McpToolTour.args("{\"project\":5,\"colour\":\"red\"}"));
            assertThat(result.isError()).isTrue();
            JsonNode envelope = McpToolTour.toJson(result.structuredContent());
            assertThat(envelope.get("successful").asBoolean()).isFalse();
            assertThat(envelope.at("/error/code").asString()).isEqualTo("invalid_input");
            assertThat(envelope.at("/error/problems").findValuesAsString("field"))
                    .contains("project", "name", "colour");
            assertThat(envelope.at("/error/message").asString()).contains("project", "name", "colour");
            assertThat(tour.outputProblems("SCALE_AI_CREATE_BATCH", result)).isEmpty();
            // the text content carries the same envelope for clients that ignore structured content
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("invalid_input");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void listedOutputSchemasRejectEnvelopesThatBreakThem() {
        McpSyncClient client = client("/mcp", null);
        try {
            McpToolTour tour = new McpToolTour(client);
            // a "success" whose task lacks task_id and has a numeric status
            McpSchema.CallToolResult badData = McpSchema.CallToolResult.builder()
                    .structuredContent(McpToolTour.args("{\"successful\":true,\"data\":{\"status\":1},\"error\":null}"))
                    .build();
            assertThat(tour.outputProblems("SCALE_AI_GET_TASK", badData)).isNotEmpty();
            // a failure must say why
            McpSchema.CallToolResult noError = McpSchema.CallToolResult.builder()
                    .structuredContent(McpToolTour.args("{\"successful\":false,\"data\":{},\"error\":null}"))
                    .build();
            assertThat(tour.outputProblems("SCALE_AI_GET_TASK", noError)).isNotEmpty();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void withoutTheRightBearerTokenNothingIsListed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        for (String header : new String[] {null, "Bearer wrong-token", "Basic " + TOKEN, TOKEN}) {
            for (String body : List.of(initialize, list)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scale.baseUrl() + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (header != null) {
                    request.header("Authorization", header);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(String.valueOf(header)).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(response.body()).contains("\"status_code\":401").doesNotContain("SCALE_AI_");
            }
        }

        McpSyncClient wrong = McpClients.http(scale.baseUrl(), "/mcp", "wrong-token", null);
        try {
            assertThatThrownBy(wrong::initialize).isInstanceOf(RuntimeException.class);
        } finally {
            wrong.closeGracefully();
        }
    }

    @Test
    void waitingForATaskReportsProgressToTheClient() {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        McpSyncClient client = client("/mcp", progress::add);
        try {
            McpToolTour tour = new McpToolTour(client);
            tour.call("SCALE_AI_CREATE_PROJECT", "{\"name\":\"waits\",\"type\":\"imageannotation\"}");
            String task = tour.call(
                            "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                            "{\"project\":\"waits\",\"attachment\":\"https://example.com/w.png\","
                                    + "\"geometries\":{\"box\":{\"objects_to_annotate\":[\"cat\"]}}}")
                    .get("task_id")
                    .asString();
            McpSchema.CallToolResult result =
                    client.callTool(McpSchema.CallToolRequest.builder("SCALE_AI_WAIT_FOR_TASK")
                            .arguments(McpToolTour.args("{\"task_id\":\"" + task
                                    + "\",\"timeout_seconds\":60,\"poll_interval_seconds\":0.2}"))
                            .progressToken("wait-1")
                            .build());
            assertThat(McpToolTour.toJson(result.structuredContent())
                            .at("/data/task/status")
                            .asString())
                    .isEqualTo("completed");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(progress)
                            .anySatisfy(p -> assertThat(p.message()).contains(task, "completed")));
            assertThat(progress).allSatisfy(p -> {
                assertThat(p.progressToken()).isEqualTo("wait-1");
                assertThat(p.total()).isEqualTo(60.0);
            });
        } finally {
            client.closeGracefully();
        }
    }
}
