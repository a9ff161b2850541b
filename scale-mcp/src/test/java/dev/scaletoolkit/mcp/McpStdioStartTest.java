package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale mcp} over stdio answers {@code initialize} before the tool catalog has loaded, and still lists every
 * tool: messages after {@code initialize} wait for the catalog. And since the server no longer checks the schemas
 * against the meta-schema at every start, this checks them here, as MCP lists them, in every profile.
 */
class McpStdioStartTest {
    private static final ToolRegistry REGISTRY = ToolRegistry.load(ScaleBackend.http("http://127.0.0.1:9/v1", "k"));

    @Test
    void initializeIsAnsweredWhileTheCatalogLoadsAndToolsListWaitsForIt() throws Exception {
        CountDownLatch catalogMayLoad = new CountDownLatch(1);
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        McpSyncServer server = ScaleMcpServer.stdio(
                () -> {
                    try {
                        catalogMayLoad.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return REGISTRY;
                },
                Profile.parse("full"),
                serverIn,
                serverOut);
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        try {
            // initialize and the next messages arrive together, as a client may send them
            send(
                    toServer,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            JsonNode initialized = ScaleJson.mapper().readTree(answers.readLine());
            assertThat(catalogMayLoad.getCount())
                    .as("answered before the catalog loaded")
                    .isEqualTo(1);
            assertThat(initialized.path("id").asInt()).isEqualTo(1);
            assertThat(initialized
                            .path("result")
                            .path("serverInfo")
                            .path("name")
                            .asString())
                    .isEqualTo(ScaleMcpServer.NAME);
            assertThat(initialized.path("result").path("capabilities").has("tools"))
                    .isTrue();

            catalogMayLoad.countDown();
            JsonNode listed = ScaleJson.mapper().readTree(answers.readLine());
            assertThat(listed.path("id").asInt()).isEqualTo(2);
            List<String> names = new ArrayList<>();
            listed.path("result")
                    .path("tools")
                    .forEach(t -> names.add(t.path("name").asString()));
            List<String> expected = new ArrayList<>();
            REGISTRY.list(Profile.FULL).forEach(t -> expected.add(t.slug()));
            expected.add(McpDiscovery.readResult(new ResultBudget(ResultBudget.DEFAULT_BYTES))
                    .tool()
                    .name());
            assertThat(names).as("the whole list, in order").containsExactlyElementsOf(expected);
        } finally {
            catalogMayLoad.countDown();
            server.closeGracefully();
        }
    }

    @Test
    void everyListedSchemaIsValidJsonSchema() {
        JsonSchemaValidator sdk = McpJsonDefaults.getSchemaValidator();
        for (String profile : List.of("full", "core", "readonly", "discovery")) {
            var tools = ScaleMcpServer.tools(
                    REGISTRY, Profile.parse(profile), new ResultBudget(ResultBudget.DEFAULT_BYTES));
            assertThat(tools).isNotEmpty();
            for (var spec : tools) {
                for (Map<String, Object> schema : new ArrayList<>(java.util.Arrays.asList(
                        spec.tool().inputSchema(), spec.tool().outputSchema()))) {
                    if (schema != null) {
                        var answer = sdk.validateSchema(schema);
                        assertThat(answer.valid())
                                .as(profile + " " + spec.tool().name() + ": " + answer.errorMessage())
                                .isTrue();
                    }
                }
            }
        }
    }

    private static void send(PipedOutputStream to, String lines) throws IOException {
        to.write((lines + "\n").getBytes(StandardCharsets.UTF_8));
        to.flush();
    }
}
