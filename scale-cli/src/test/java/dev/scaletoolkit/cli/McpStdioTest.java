package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.mcp.McpClients;
import dev.scaletoolkit.mcp.McpToolTour;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale mcp} as an agent launches it: a child JVM speaking MCP on stdin/stdout, pointed at an emulator
 * through SCALE_API_KEY and SCALE_BASE_URL, driven by the SDK's stdio client.
 */
@ScaleEmulatorTest(workforceDelayMillis = 1500)
class McpStdioTest {
    RunningEmulator scale;

    private McpSyncClient launch(String... args) {
        Map<String, String> env = Map.of("SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.apiUrl());
        McpSyncClient client = McpClients.stdio(ScaleCli.class.getName(), List.of(args), env, null);
        client.initialize();
        return client;
    }

    private static List<String> slugs(Profile profile) {
        return ToolRegistry.load(ScaleBackend.http("http://127.0.0.1:1", "unused")).list(profile).stream()
                .map(ToolSpec::slug)
                .toList();
    }

    @Test
    void everyToolWorksOverStdio() {
        McpSyncClient client = launch("mcp");
        try {
            McpToolTour tour = new McpToolTour(client);
            assertThat(tour.tools()).hasSize(51); // 50 tools and SCALE_AI_READ_RESULT
            assertThat(tour.runAll()).containsExactlyInAnyOrderElementsOf(slugs(Profile.FULL));

            McpSchema.CallToolResult bad =
                    tour.raw("SCALE_AI_GET_TASK", McpToolTour.args("{\"task\":\"abc\",\"limit\":\"x\"}"));
            assertThat(bad.isError()).isTrue();
            JsonNode envelope = McpToolTour.toJson(bad.structuredContent());
            assertThat(envelope.at("/error/problems").findValuesAsString("field"))
                    .contains("task_id", "task", "limit");
            assertThat(tour.outputProblems("SCALE_AI_GET_TASK", bad)).isEmpty();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void theProfileOptionChoosesTheListing() {
        McpSyncClient client = launch("mcp", "--profile", "core");
        try {
            assertThat(McpToolTour.listAll(client))
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                    slugs(Profile.CORE).stream(), java.util.stream.Stream.of("SCALE_AI_READ_RESULT"))
                            .toList());
        } finally {
            client.closeGracefully();
        }
    }
}
