package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How much of a model's context each MCP tool listing costs, measured on what an MCP client actually receives:
 * the {@code tools/list} result over streamable HTTP, serialised with the SDK's own JSON mapper. Prints the
 * numbers for docs/benchmarks.md and holds the budgets for the part a model reads (name, description, input
 * schema): core under 6.5 KB, full under 40 KB.
 */
class ToolListSizeBenchmarkTest {
    // 6.5 KB since listings page (limit, next_token) and results can be read on (SCALE_AI_READ_RESULT, listed over
    // MCP); an agent on a tight budget takes the discovery profile (under 2 KB, McpSizesTest)
    private static final int CORE_BUDGET = 6 * 1024 + 512;
    private static final int FULL_BUDGET = 40 * 1024;
    private static final String TOKEN = "benchmark-token";

    @Test
    void printsTheSizeOfTheCoreAndFullListings() {
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            printSizes(scale);
        }
    }

    private static void printSizes(TestEmulator scale) {
        ToolRegistry registry = ToolRegistry.load(
                ScaleBackend.http(scale.baseUrl(), scale.account().liveKey()));
        scale.emulator().mount("/mcp", ScaleMcpServer.httpServlet(registry, Profile.FULL, TOKEN));
        scale.emulator().mount("/core/mcp", ScaleMcpServer.httpServlet(registry, Profile.CORE, TOKEN));

        Listing core = listing(scale.baseUrl(), "/core/mcp");
        Listing full = listing(scale.baseUrl(), "/mcp");

        System.out.printf("MCP tools/list sizes (bytes of minified JSON as the client receives it)%n");
        System.out.printf("%-8s %6s %24s %22s%n", "profile", "tools", "name+description+input", "full MCP listing");
        System.out.printf("%-8s %6d %24d %22d%n", "core", core.tools, core.essentials, core.whole);
        System.out.printf("%-8s %6d %24d %22d%n", "full", full.tools, full.essentials, full.whole);
        System.out.printf(
                "ratio full/core: %.2f (name+description+input), %.2f (full MCP listing)%n",
                (double) full.essentials / core.essentials, (double) full.whole / core.whole);

        // each listing also holds SCALE_AI_READ_RESULT, for results cut to size
        assertThat(core.tools).isEqualTo(registry.list(Profile.CORE).size() + 1);
        assertThat(full.tools).isEqualTo(51);
        assertThat(core.essentials).isLessThan(CORE_BUDGET);
        assertThat(full.essentials).isLessThan(FULL_BUDGET);
    }

    /** Sizes of one profile's listing: the whole tools/list result, and its name/description/inputSchema part. */
    private record Listing(int tools, int essentials, int whole) {}

    private static Listing listing(String baseUrl, String endpoint) {
        McpSyncClient client = McpClients.http(baseUrl, endpoint, TOKEN, null);
        try {
            client.initialize();
            List<McpSchema.Tool> tools = McpToolTour.listAll(client);
            List<Map<String, Object>> essentials = new ArrayList<>();
            for (McpSchema.Tool t : tools) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", t.name());
                item.put("description", t.description());
                item.put("inputSchema", t.inputSchema());
                essentials.add(item);
            }
            McpSchema.ListToolsResult whole = new McpSchema.ListToolsResult(tools, null);
            return new Listing(tools.size(), bytes(Map.of("tools", essentials)), bytes(whole));
        } finally {
            client.closeGracefully();
        }
    }

    private static int bytes(Object value) {
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
