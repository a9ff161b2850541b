package dev.scaletoolkit.benchmarks;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each layer adds to one call that fetches a task from an emulator on loopback, all four measured in one run
 * against the same emulator and task: a raw JDK HttpClient GET, the SDK's {@code tasks().retrieve}, the tool layer
 * ({@code SCALE_AI_GET_TASK}: argument validation and the {@code {successful, data, error}} envelope over the SDK),
 * and the same tool called through {@code scale mcp} over stdio (a child JVM, as an agent launches it).
 *
 * <p>Run {@code java -jar scale-benchmarks/target/benchmarks.jar}: JMH's table, then the ratios the aims are about.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class OverheadBenchmarks {
    private ScaleEmulator emulator;
    private Path dataDir;
    private HttpClient http;
    private HttpRequest rawGet;
    private ScaleClient sdk;
    private ToolRegistry tools;
    private ObjectNode toolArgs;
    private McpSyncClient mcp;
    private McpSchema.CallToolRequest mcpCall;
    private String taskId;

    @Setup(Level.Trial)
    public void start() throws Exception {
        // Built with the test-jar skipped (-Dmaven.test.skip), so the emulator is started directly, not through
        // TestEmulator; the fork's temporary directory is its data directory.
        dataDir = Files.createTempDirectory("scale-bench");
        emulator = ScaleEmulator.start(EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .workforceEnabled(false)
                .build());
        String key =
                emulator.accounts().create("Bench Co", "bench@test.example").liveKey();
        String v1 = emulator.baseUrl() + "/v1";
        sdk = ScaleClient.create(ClientOptions.builder().apiKey(key).baseUrl(v1).build());
        http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(v1 + "/task/categorization"))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"instruction\": \"Pick the colour.\","
                                + " \"attachment_type\": \"text\", \"attachment\":"
                                + " \"a red car\", \"categories\": [\"red\", \"blue\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("creating the task failed: " + created.body());
        }
        taskId = ScaleJson.mapper().readTree(created.body()).path("task_id").asString();
        rawGet = HttpRequest.newBuilder(URI.create(v1 + "/task/" + taskId))
                .header("Authorization", auth)
                .build();
        tools = ToolRegistry.load(ScaleBackend.http(v1, key));
        toolArgs = ScaleJson.mapper().createObjectNode().put("task_id", taskId);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters params = ServerParameters.builder(java)
                .args(List.of(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.scaletoolkit.cli.ScaleCli",
                        "mcp"))
                .addEnvVar("SCALE_API_KEY", key)
                .addEnvVar("SCALE_BASE_URL", v1)
                .build();
        mcp = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        mcp.initialize();
        mcpCall = McpSchema.CallToolRequest.builder("SCALE_AI_GET_TASK")
                .arguments(Map.of("task_id", taskId))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (mcp != null) {
            mcp.closeGracefully();
        }
        if (emulator != null) {
            emulator.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }

    @Benchmark
    public byte[] rawHttpClient() throws Exception {
        HttpResponse<byte[]> r = http.send(rawGet, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    @Benchmark
    public Object sdkRetrieve() {
        return sdk.tasks().retrieve(taskId);
    }

    @Benchmark
    public ToolResult toolCall() {
        ToolResult r = tools.call("SCALE_AI_GET_TASK", toolArgs, null);
        if (!r.successful()) {
            throw new IllegalStateException(r.error().message());
        }
        return r;
    }

    @Benchmark
    public McpSchema.CallToolResult mcpStdioCall() {
        McpSchema.CallToolResult r = mcp.callTool(mcpCall);
        if (Boolean.TRUE.equals(r.isError())) {
            throw new IllegalStateException(String.valueOf(r.content()));
        }
        return r;
    }

    /** Runs the four benchmarks in one JMH run and prints the ratios and differences the aims name. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(OverheadBenchmarks.class.getName())
                        .build())
                .run();
        Map<String, Double> micros = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            micros.put(
                    label.substring(label.lastIndexOf('.') + 1),
                    r.getPrimaryResult().getScore());
        }
        double raw = micros.get("rawHttpClient");
        double sdkCall = micros.get("sdkRetrieve");
        double tool = micros.get("toolCall");
        double mcpCall = micros.get("mcpStdioCall");
        System.out.println();
        System.out.println("Per call, one JMH run (average time, microseconds):");
        micros.forEach((name, us) -> System.out.printf("  %-14s %10.1f us%n", name, us));
        System.out.printf(
                "SDK over raw HttpClient:    %+.1f %% (%+.1f us)   aim <= +10 %%%n",
                (sdkCall / raw - 1) * 100, sdkCall - raw);
        System.out.printf(
                "tool layer over SDK:        %+.3f ms a call         aim <= 0.2 ms%n", (tool - sdkCall) / 1000);
        System.out.printf("MCP stdio over tool call:   %+.3f ms a call         aim <= 1 ms%n", (mcpCall - tool) / 1000);
    }
}
