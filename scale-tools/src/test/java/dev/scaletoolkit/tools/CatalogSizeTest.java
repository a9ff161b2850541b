package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.adapter.OpenAiTools;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;

/**
 * Prints how many bytes each tool list costs an agent's context, and holds the budget: core under 6.5 KB and
 * full under 40 KB, measured as the minified {name, description, inputSchema} list an MCP tools/list carries.
 * Nothing is dropped to get there: the seed test checks every field and the schema tests every type.
 */
class CatalogSizeTest {
    // 6.5 KB since listings page (limit, next_token) and results can be read on (SCALE_AI_READ_RESULT, listed over
    // MCP); an agent on a tight budget takes the discovery profile (under 2 KB, McpSizesTest)
    private static final int CORE_BUDGET = 6 * 1024 + 512;
    private static final int FULL_BUDGET = 40 * 1024;

    private final ToolRegistry registry = ToolRegistry.load(new ToolRegistryTest.NoCalls());

    @Test
    void coreAndFullListsStayWithinTheirBudgets() {
        int core = bytes(listing(Profile.CORE, false));
        int full = bytes(listing(Profile.FULL, false));
        int readonly = bytes(listing(Profile.READONLY, false));
        System.out.printf(
                "tool list bytes (name+description+inputSchema, minified): core=%d (%d tools), full=%d (%d tools),"
                        + " readonly=%d%n",
                core,
                registry.list(Profile.CORE).size(),
                full,
                registry.list(Profile.FULL).size(),
                readonly);
        System.out.printf(
                "with title, annotations and outputSchema: core=%d, full=%d; OpenAI strict export: core=%d, full=%d%n",
                bytes(listing(Profile.CORE, true)),
                bytes(listing(Profile.FULL, true)),
                bytes(OpenAiTools.tools(registry, Profile.CORE, true)),
                bytes(OpenAiTools.tools(registry, Profile.FULL, true)));

        assertThat(core).isLessThan(CORE_BUDGET);
        assertThat(full).isLessThan(FULL_BUDGET);
    }

    private ArrayNode listing(Profile profile, boolean everything) {
        ArrayNode out = ScaleJson.mapper().createArrayNode();
        for (ToolSpec t : registry.list(profile)) {
            var item = out.addObject().put("name", t.slug());
            if (everything) {
                item.put("title", t.title());
            }
            item.put("description", t.description());
            item.set("inputSchema", t.inputSchema());
            if (everything) {
                item.set("outputSchema", t.outputSchema());
                item.set("annotations", t.annotations());
            }
        }
        return out;
    }

    private static int bytes(ArrayNode list) {
        return ScaleJson.mapper().writeValueAsString(list).getBytes(StandardCharsets.UTF_8).length;
    }
}
