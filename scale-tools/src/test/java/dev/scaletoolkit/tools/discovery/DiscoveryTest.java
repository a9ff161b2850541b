package dev.scaletoolkit.tools.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search, schema and call through the discovery tools, limited to what the caller may see. */
class DiscoveryTest {
    private static final ToolRegistry REGISTRY = ToolRegistry.load(new ToolSearchEvaluationTest.NoBackend());

    @Test
    void findsInspectsAndCallsThroughTheCallersRunner() {
        Discovery discovery = new Discovery(REGISTRY.list(Profile.FULL), REGISTRY);
        List<String> ran = new ArrayList<>();
        ToolRunner runner = (name, args, progress) -> {
            ran.add(name + " " + args);
            return ToolResult.ok(ScaleJson.mapper().createObjectNode().put("ran", name));
        };

        ToolResult found = discovery.call(
                Discovery.SEARCH_TOOLS, json("{\"query\":\"wait for a batch\",\"limit\":2}"), runner, null);
        assertThat(found.data().path("tools")).hasSize(2);
        assertThat(found.data().path("tools").get(0).path("name").asString()).isEqualTo("SCALE_AI_WAIT_FOR_BATCH");

        ToolResult schema =
                discovery.call(Discovery.GET_TOOL_SCHEMA, json("{\"name\":\"wait_for_batch\"}"), runner, null);
        assertThat(schema.data().path("input_schema").path("required").toString())
                .contains("batch_name");

        ToolResult called = discovery.call(
                Discovery.CALL_TOOL,
                json("{\"name\":\"SCALE_AI_GET_BATCH\",\"arguments\":{\"batch_name\":\"b\"}}"),
                runner,
                ProgressListener.NONE);
        assertThat(called.data().path("ran").asString()).isEqualTo("SCALE_AI_GET_BATCH");
        assertThat(ran).containsExactly("SCALE_AI_GET_BATCH {\"batch_name\":\"b\"}");
    }

    @Test
    void aScopedCallerNeitherFindsNorReadsOtherTools() {
        Discovery readonly = new Discovery(REGISTRY.list(Profile.READONLY), REGISTRY);
        ToolResult found = readonly.call(Discovery.SEARCH_TOOLS, json("{\"query\":\"cancel a task\"}"), null, null);
        found.data()
                .path("tools")
                .forEach(t -> assertThat(REGISTRY.find(t.path("name").asString())
                                .orElseThrow()
                                .readOnly())
                        .isTrue());
        ToolResult schema =
                readonly.call(Discovery.GET_TOOL_SCHEMA, json("{\"name\":\"SCALE_AI_CANCEL_TASK\"}"), null, null);
        assertThat(schema.error().code()).isEqualTo("tool_not_allowed");
    }

    @Test
    void badArgumentsAreNamed() {
        Discovery discovery = new Discovery(REGISTRY.list(Profile.FULL), REGISTRY);
        ToolResult missing = discovery.call(Discovery.SEARCH_TOOLS, json("{}"), null, null);
        assertThat(missing.error().code()).isEqualTo("invalid_input");
        assertThat(missing.error().problems().toString()).contains("query");
        ToolResult unknown = discovery.call(Discovery.GET_TOOL_SCHEMA, json("{\"name\":\"FLY\"}"), null, null);
        assertThat(unknown.error().code()).isEqualTo("unknown_tool");
    }

    private static JsonNode json(String text) {
        return ScaleJson.mapper().readTree(text);
    }
}
