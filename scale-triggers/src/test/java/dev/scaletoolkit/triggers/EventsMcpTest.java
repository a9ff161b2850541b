package dev.scaletoolkit.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import dev.scaletoolkit.tools.Profile;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@ScaleEmulatorTest
class EventsMcpTest {
    @TempDir
    Path dir;

    RunningEmulator scale;
    TestGateway gateway;
    ScaleClient client;
    McpSyncClient mcp;
    final List<McpSchema.ResourceContents> updates = new CopyOnWriteArrayList<>();
    final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start(RunningEmulator emulator) {
        // each test starts from an empty emulator, as the callbacks and events it counts are its own
        scale = emulator;
        scale.reset();
        gateway = new TestGateway(dir, TriggerSettings.defaults().withPollInterval(Duration.ZERO));
        gateway.connect("emu", scale);
        client = ScaleClient.create(ClientOptions.builder()
                .apiKey(scale.liveKey())
                .baseUrl(scale.baseUrl() + "/v1")
                .build());
        client.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.CATEGORIZATION)
                        .name("kittens")
                        .build());
        client.batches()
                .create(BatchCreateParams.builder()
                        .project("kittens")
                        .name("k-1")
                        .callback(gateway.callbackUrl("emu"))
                        .build());
        mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(gateway.baseUrl())
                        .endpoint("/mcp")
                        .httpRequestCustomizer(McpAuth.bearer(gateway.token("agent", Profile.READONLY, null, true)))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .resourcesUpdateConsumer(updates::addAll)
                .progressConsumer(progress::add)
                .build();
        mcp.initialize();
    }

    @AfterEach
    void stop() {
        mcp.closeGracefully();
        client.close();
        gateway.close();
    }

    @Test
    void aSubscribedClientHearsItsTaskCompleteAndReadsItLive() {
        EmulatorControl.workforce(scale, false);
        Task task = client.tasks()
                .create(EmulatorControl.task("k-1")
                        .callbackUrl(gateway.callbackUrl("emu"))
                        .build());
        Task other = client.tasks()
                .create(EmulatorControl.task("k-1")
                        .callbackUrl(gateway.callbackUrl("emu"))
                        .build());
        String uri = "scale://tasks/" + task.taskId();

        McpSchema.ReadResourceResult before = mcp.readResource(new McpSchema.ReadResourceRequest(uri));
        assertThat(status(before.contents().get(0))).isEqualTo("pending");
        mcp.subscribeResource(new McpSchema.SubscribeRequest(uri));
        EmulatorControl.workforce(scale, true);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> updates.stream().anyMatch(c -> c.uri().equals(uri)));
        McpSchema.ResourceContents update =
                updates.stream().filter(c -> c.uri().equals(uri)).findFirst().orElseThrow();
        assertThat(status(update)).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.triggers().events().lastId() >= 3);
        // only what was subscribed: the other task and the batch were not
        assertThat(updates).extracting(McpSchema.ResourceContents::uri).containsOnly(uri);
        assertThat(other.taskId()).isNotEqualTo(task.taskId());
    }

    @Test
    void listEventsPagesBySinceIdAndWaitForEventReportsProgressUntilTheEventArrives() throws Exception {
        EmulatorControl.workforce(scale, false);
        Task task = client.tasks()
                .create(EmulatorControl.task("k-1")
                        .callbackUrl(gateway.callbackUrl("emu"))
                        .build());
        CompletableFuture<McpSchema.CallToolResult> waiting =
                CompletableFuture.supplyAsync(() -> mcp.callTool(McpSchema.CallToolRequest.builder()
                        .name("SCALE_AI_WAIT_FOR_EVENT")
                        .arguments(Map.of("task_id", task.taskId(), "timeout_seconds", 60))
                        .progressToken("wait-1")
                        .build()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !progress.isEmpty());
        EmulatorControl.workforce(scale, true);

        JsonNode waited = envelope(waiting.get());
        assertThat(waited.path("successful").asBoolean()).isTrue();
        assertThat(waited.path("data").path("timed_out").asBoolean()).isFalse();
        assertThat(waited.path("data").path("event").path("type").asString()).isEqualTo("task.completed");
        assertThat(waited.path("data")
                        .path("event")
                        .path("data")
                        .path("task_id")
                        .asString())
                .isEqualTo(task.taskId());
        assertThat(progress).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("wait-1"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.triggers().events().lastId() >= 2);
        JsonNode all = envelope(mcp.callTool(new McpSchema.CallToolRequest("SCALE_AI_LIST_EVENTS", Map.of())));
        assertThat(all.path("data").path("events")).hasSize(2);
        long first = all.path("data").path("events").get(0).path("id").asLong();
        JsonNode rest = envelope(mcp.callTool(new McpSchema.CallToolRequest(
                "SCALE_AI_LIST_EVENTS", Map.of("since_id", first, "types", List.of("batch.completed")))));
        assertThat(rest.path("data").path("events"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("type").asString()).isEqualTo("batch.completed"));

        JsonNode bad = envelope(mcp.callTool(new McpSchema.CallToolRequest(
                "SCALE_AI_LIST_EVENTS", Map.of("types", List.of("task.done"), "limit", 0))));
        assertThat(bad.path("successful").asBoolean()).isFalse();
        assertThat(bad.path("error").path("message").asString())
                .contains("task.done")
                .contains("limit");
    }

    @Test
    void tokenScopesDecideWhoSeesTheEventsOfTheConnection() {
        assertThat(eventTools(gateway.token("readonly-live", Profile.READONLY, null, true)))
                .containsExactlyInAnyOrder("SCALE_AI_LIST_EVENTS", "SCALE_AI_WAIT_FOR_EVENT");
        // the connection is live (a live_ key): a token without the live flag sees none of it
        assertThat(eventTools(gateway.token("no-live", Profile.FULL, null, false)))
                .isEmpty();
        // a token limited to a list of tools gets only those
        assertThat(eventTools(gateway.token("projects-only", null, List.of("SCALE_AI_LIST_PROJECTS"), true)))
                .isEmpty();
    }

    private List<String> eventTools(String token) {
        McpSyncClient other = McpClient.sync(HttpClientStreamableHttpTransport.builder(gateway.baseUrl())
                        .endpoint("/mcp")
                        .httpRequestCustomizer(McpAuth.bearer(token))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        try {
            other.initialize();
            return other.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .filter(n -> n.contains("EVENT"))
                    .toList();
        } finally {
            other.closeGracefully();
        }
    }

    private static String status(McpSchema.ResourceContents contents) {
        String text = ((McpSchema.TextResourceContents) contents).text();
        return ScaleJson.mapper().readTree(text).path("status").asString();
    }

    private static JsonNode envelope(McpSchema.CallToolResult result) {
        return ScaleJson.mapper().valueToTree(result.structuredContent());
    }
}
