package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workflow prompts: each under 1 KB as listed and as filled in, arguments put in place, never re-read. */
class McpPromptsTest {
    private final List<SyncPromptSpecification> prompts = McpPrompts.all();

    @Test
    void theCommonWorkflowsAreThereAndEachIsUnderOneKilobyte() throws Exception {
        assertThat(prompts)
                .extracting(p -> p.prompt().name())
                .contains("label_dataset", "audit_batch", "export_results");
        for (SyncPromptSpecification p : prompts) {
            String listed = ScaleMcpServer.jsonMapper().writeValueAsString(p.prompt());
            assertThat(listed.getBytes(StandardCharsets.UTF_8).length)
                    .as(p.prompt().name())
                    .isLessThan(1024);
            McpSchema.GetPromptResult got = p.promptHandler()
                    .apply(null, new McpSchema.GetPromptRequest(p.prompt().name(), Map.of()));
            String text = ((McpSchema.TextContent) got.messages().get(0).content()).text();
            assertThat(text.getBytes(StandardCharsets.UTF_8).length)
                    .as(p.prompt().name())
                    .isLessThan(1024);
            assertThat(text).doesNotContain("{{");
        }
    }

    @Test
    void argumentsAreFilledInOnceAndMissingOnesAreSaid() {
        String text = McpPrompts.fill("Audit {{batch}} by {{criteria}}.", Map.of("batch", "{{batch}} week-12"));
        assertThat(text).isEqualTo("Audit {{batch}} week-12 by (not given).");
    }
}
