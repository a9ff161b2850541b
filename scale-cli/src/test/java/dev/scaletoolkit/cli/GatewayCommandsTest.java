package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.mcp.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gateway from the command line against a running {@code scale up}: a scoped token made with {@code tokens
 * create} opens {@code /mcp} with exactly its tools, the call lands in {@code audit list}, {@code audit verify}
 * holds, {@code /metrics} is Prometheus text, and no command prints a key or someone else's token.
 */
class GatewayCommandsTest {
    private static final Pattern SAMPLE =
            Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? "
                    + "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    @Test
    void tokensMcpAuditAndMetricsAgainstARunningEmulator(@TempDir Path tmp) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SCALE_HOME", tmp.resolve("home").toString());
        StringWriter upOut = new StringWriter();
        StringWriter upErr = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(env::get);
        cli.setOut(new PrintWriter(upOut, true));
        cli.setErr(new PrintWriter(upErr, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread up = new Thread(
                () -> exit.set(cli.execute(
                        "up", "--port", "0", "--data", tmp.resolve("data").toString(), "--no-workforce")),
                "scale-up-gateway-test");
        up.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> upOut.toString().contains("Listening on port: "));
            String port = upOut.toString().replaceAll("(?s).*Listening on port: (\\d+).*", "$1");
            String base = "http://127.0.0.1:" + port;

            // At rest, before any API traffic: JVM and process figures are there from the start, every supervised
            // worker (the triggers' included) has its meters, and the whole scrape stays small.
            HttpResponse<String> atRest = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(atRest.statusCode()).isEqualTo(200);
            assertThat(atRest.body())
                    .contains("jvm_memory_used_bytes")
                    .contains("process_uptime_seconds")
                    .contains("scale_emulator_worker_down{worker=\"triggers-retention\"}");
            assertThat(atRest.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .as("bytes of a scrape at rest")
                    .isLessThanOrEqualTo(30 * 1024);

            Cli.Run created = Cli.run(
                    env, "tokens", "create", "reader", "--connection", "emulator-test", "--profile", "readonly");
            assertThat(created.exitCode()).as(created.err()).isZero();
            String token = created.out().trim();
            assertThat(token).startsWith("sgt_");
            assertThat(created.err()).contains("shown only now");

            McpSyncClient client = McpClients.http(base, "/mcp", token, null);
            try {
                client.initialize();
                assertThat(client.listTools().tools())
                        .isNotEmpty()
                        .allMatch(t -> t.annotations().readOnlyHint());
                McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder("SCALE_AI_LIST_PROJECTS")
                        .build());
                assertThat(r.isError()).isFalse();
            } finally {
                client.closeGracefully();
            }

            Cli.Run list = Cli.run(env, "tokens", "list");
            assertThat(list.out()).contains("reader").contains("emulator-test").contains("profile readonly");
            Cli.Run audit = Cli.run(env, "audit", "list");
            assertThat(audit.out()).contains("SCALE_AI_LIST_PROJECTS").contains("ok");
            Cli.Run verify = Cli.run(env, "audit", "verify");
            assertThat(verify.exitCode()).isZero();
            assertThat(verify.out()).contains("intact");
            Cli.Run export = Cli.run(env, "audit", "export", "--jsonl");
            assertThat(export.out().lines()).allMatch(l -> l.startsWith("{\"seq\":"));

            HttpResponse<String> metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("scale_gateway_tool_calls_total{")
                    .contains("scale_gateway_tool_latency_seconds_bucket{")
                    .contains("scale_emulator_requests_seconds_count{");
            for (String line : metrics.body().split("\n")) {
                assertThat(line.isEmpty()
                                || SAMPLE.matcher(line).matches()
                                || COMMENT.matcher(line).matches())
                        .as("Prometheus text line: " + line)
                        .isTrue();
            }

            Cli.Run revoke = Cli.run(env, "tokens", "revoke", token.substring(4, 14));
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/mcp"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);

            String liveKey = upOut.toString().replaceAll("(?s).*Live API key +(\\S+).*", "$1");
            for (Cli.Run r : new Cli.Run[] {list, audit, verify, export, revoke}) {
                assertThat(r.out() + r.err()).doesNotContain(token).doesNotContain(liveKey);
            }
            assertThat(metrics.body()).doesNotContain(token).doesNotContain(liveKey);
        } finally {
            up.interrupt();
            up.join(30_000);
        }
    }
}
