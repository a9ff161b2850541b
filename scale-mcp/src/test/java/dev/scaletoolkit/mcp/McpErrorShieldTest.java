package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Malformed MCP traffic from a caller holding the token gets a JSON-RPC error and nothing of the server's insides:
 * no serialised exception, no class names, no stack frames.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpErrorShieldTest {
    private static final String TOKEN = "mcp_test_token_shield_0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private TestEmulator scale; // in-process: the MCP servlets are mounted on it

    @AfterAll
    void stop() {
        scale.close();
    }

    @BeforeAll
    void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        ToolRegistry registry = ToolRegistry.load(
                ScaleBackend.http(scale.baseUrl(), scale.account().liveKey()));
        scale.emulator().mount("/mcp", ScaleMcpServer.httpServlet(registry, Profile.CORE, TOKEN));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST|null",
                "POST|[]",
                "POST|42",
                "POST|{\"jsonrpc\": \"2.0\"}",
                "POST|{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}",
                "POST|{not json",
                "GET|",
                "DELETE|"
            })
    void errorsAreJsonRpcWithoutInternals(String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(scale.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.body())
                .doesNotContain("stackTrace")
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("io.modelcontextprotocol");
        JsonNode json = ScaleJson.mapper().readTree(r.body());
        assertThat(json.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(json.path("error").path("code").isInt()).isTrue();
        assertThat(json.path("error").path("message").asString()).isNotBlank();
    }
}
