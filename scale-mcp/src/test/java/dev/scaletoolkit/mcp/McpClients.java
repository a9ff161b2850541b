package dev.scaletoolkit.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MCP clients from the official SDK, as agents build them. Always finish with {@code closeGracefully()}: a plain
 * {@code close()} only starts closing, and a stdio server would outlive the test.
 */
public final class McpClients {
    private McpClients() {}

    /** A streamable-HTTP client for {@code baseUrl + endpoint}, sending the bearer token when one is given. */
    public static McpSyncClient http(
            String baseUrl, String endpoint, String token, Consumer<McpSchema.ProgressNotification> progress) {
        HttpClientStreamableHttpTransport.Builder transport =
                HttpClientStreamableHttpTransport.builder(baseUrl).endpoint(endpoint);
        if (token != null) {
            transport.httpRequestCustomizer(
                    (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token));
        }
        return build(transport.build(), progress);
    }

    /** A stdio client that starts {@code mainClass args...} in a child JVM on this test's class path. */
    public static McpSyncClient stdio(
            String mainClass,
            List<String> args,
            Map<String, String> env,
            Consumer<McpSchema.ProgressNotification> progress) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        // args(...) replaces the whole list, so it is set once
        ServerParameters.Builder params = ServerParameters.builder(java).args(command);
        env.forEach(params::addEnvVar);
        StdioClientTransport transport = new StdioClientTransport(params.build(), McpJsonDefaults.getMapper());
        // the server's stderr (its logs) shows up in the test output, to explain a failure
        transport.setStdErrorHandler(line -> System.err.println("[" + mainClass + "] " + line));
        return build(transport, progress);
    }

    private static McpSyncClient build(
            McpClientTransport transport, Consumer<McpSchema.ProgressNotification> progress) {
        McpClient.SyncSpec spec = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(90))
                .initializationTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("scale-tests", "1"));
        if (progress != null) {
            spec.progressConsumer(progress);
        }
        return spec.build();
    }
}
