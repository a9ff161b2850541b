package dev.scaletoolkit.tools.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK-backed transport against a real local HTTP server: auth, errors, Retry-After, redirects and uploads. */
class ClientScaleBackendTest {
    private static final String KEY = "live_secret_key_123";

    private HttpServer server;
    private String base;
    private final List<String> authSeen = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/projects", ex -> {
            authSeen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            reply(ex, 429, "{\"status_code\":429,\"error\":\"Too Many Requests\"}", Map.of("Retry-After", "7"));
        });
        server.createContext("/v1/task/", ex -> {
            authSeen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            reply(ex, 404, "{\"status_code\":404,\"error\":\"Task with that ID not found.\"}", Map.of());
        });
        server.createContext("/v1/files/upload", ex -> {
            bodies.put("upload", ex.getRequestBody().readAllBytes());
            bodies.put("type", ex.getRequestHeaders().getFirst("Content-Type").getBytes(StandardCharsets.UTF_8));
            reply(ex, 200, "{\"id\":\"f1\",\"attachment_url\":\"scaledata://f1\"}", Map.of());
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(HttpExchange ex, int status, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Test
    void rateLimitCarriesRetryAfterAndIsRetryable() {
        ToolResult result = ToolRegistry.load(ScaleBackend.http(base, KEY)).call("LIST_PROJECTS", null, null);

        assertThat(result.error().code()).isEqualTo("rate_limited");
        assertThat(result.error().httpStatus()).isEqualTo(429);
        assertThat(result.error().retryable()).isTrue();
        assertThat(result.error().retryAfterSeconds()).isEqualTo(7L);
        // The SDK retries twice (waiting at most 2 s, less than the 7 s asked) before handing the 429 to the agent.
        assertThat(authSeen)
                .hasSize(3)
                .containsOnly("Basic "
                        + java.util.Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scaleErrorTextReachesTheAgentWithoutTheKey() {
        ToolResult result = ToolRegistry.load(ScaleBackend.http(base + "/", KEY))
                .call("GET_TASK", ScaleJson.mapper().readTree("{\"task_id\":\"abc\"}"), null);

        assertThat(result.error().code()).isEqualTo("not_found");
        assertThat(result.error().message()).isEqualTo("Task with that ID not found.");
        assertThat(result.toJson().toString()).doesNotContain(KEY);
    }

    @Test
    void downloadsFollowRedirectsWithoutSendingTheKeyElsewhere() throws IOException {
        // a second server stands in for the storage host that Scale redirects to
        HttpServer storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        storage.createContext("/blob", ex -> {
            authSeen.add("other-host:" + ex.getRequestHeaders().getFirst("Authorization"));
            reply(ex, 200, "{\"mask\":[1,2]}", Map.of("Content-Type", "application/json"));
        });
        storage.start();
        try {
            server.removeContext("/v1/task/");
            server.createContext(
                    "/v1/task/",
                    ex -> reply(
                            ex,
                            302,
                            "",
                            Map.of(
                                    "Location",
                                    "http://localhost:" + storage.getAddress().getPort() + "/blob")));
            ToolResult result = ToolRegistry.load(ScaleBackend.http(base, KEY))
                    .call(
                            "GET_SECURE_TASK_RESPONSE_URL",
                            ScaleJson.mapper().readTree("{\"task_id\":\"t1\",\"uuid\":\"u1\"}"),
                            null);

            assertThat(result.successful()).as(String.valueOf(result.error())).isTrue();
            assertThat(result.data().get("encoding").asString()).isEqualTo("json");
            assertThat(result.data().at("/content/mask/1").asInt()).isEqualTo(2);
            assertThat(authSeen).containsExactly("other-host:null");
        } finally {
            storage.stop(0);
        }
    }

    @Test
    void uploadSendsMultipartWithFileAndFields() {
        ToolResult result = ToolRegistry.load(ScaleBackend.http(base, KEY))
                .call(
                        "UPLOAD_FILE",
                        ScaleJson.mapper()
                                .readTree("{\"file\":{\"name\":\"a.txt\",\"content_base64\":\"aGVsbG8=\"},"
                                        + "\"reference_id\":\"r1\",\"metadata\":{\"k\":1}}"),
                        null);

        assertThat(result.successful()).isTrue();
        String body = new String(bodies.get("upload"), StandardCharsets.UTF_8);
        assertThat(new String(bodies.get("type"), StandardCharsets.UTF_8)).startsWith("multipart/form-data; boundary=");
        assertThat(body)
                .contains(
                        "name=\"file\"; filename=\"a.txt\"",
                        "Content-Type: text/plain",
                        "hello",
                        "name=\"reference_id\"",
                        "r1",
                        "name=\"metadata\"",
                        "{\"k\":1}");
    }

    @Test
    void unreachableHostIsARetryableNetworkError() {
        server.stop(0);
        ToolResult result = ToolRegistry.load(ScaleBackend.http(base, KEY)).call("LIST_PROJECTS", null, null);

        assertThat(result.error().code()).isEqualTo("network_error");
        assertThat(result.error().retryable()).isTrue();
        assertThat(result.error().httpStatus()).isNull();
    }
}
