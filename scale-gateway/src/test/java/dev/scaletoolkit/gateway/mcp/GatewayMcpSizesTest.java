package dev.scaletoolkit.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.mcp.McpSizes;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opening cost per profile as a client receives it over stdio, printed for the docs; the discovery profile stays
 * within 2 KB on the plain server and through the gateway, and the docs quote exactly what is measured.
 */
class GatewayMcpSizesTest {
    private static List<McpSizes.Size> sizes;

    @BeforeAll
    static void measure(@TempDir Path home) {
        ToolRegistry registry = ToolRegistry.load(ScaleBackend.http("http://127.0.0.1:9", "unused"));
        try (Gateway gateway = Gateway.open(home, name -> null)) {
            sizes = GatewayMcpSizes.all(registry, gateway, "emulator");
        }
        System.out.print(McpSizes.markdown(sizes));
    }

    @Test
    void theDiscoveryProfileOpensWithinTwoKilobytes() {
        for (McpSizes.Size s : sizes) {
            if (s.profile() == Profile.DISCOVERY) {
                assertThat(s.total()).as(s.server()).isLessThanOrEqualTo(2048);
                assertThat(s.tools()).isEqualTo(3);
            }
        }
        McpSizes.Size full = sizes.stream()
                .filter(s -> s.server().equals("stdio") && s.profile() == Profile.FULL)
                .findFirst()
                .orElseThrow();
        assertThat(full.tools()).isEqualTo(51); // 50 tools and SCALE_AI_READ_RESULT
    }

    @Test
    void theDocsQuoteWhatTheCommandMeasures() throws IOException {
        String table = McpSizes.markdown(sizes);
        for (Path doc : List.of(Path.of("../scale-mcp/README.md"), Path.of("../docs/benchmarks.md"))) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int begin = text.indexOf(McpSizes.BEGIN);
            int end = text.indexOf(McpSizes.END);
            assertThat(begin).as(doc + " has the " + McpSizes.BEGIN + " marker").isNotNegative();
            assertThat(end).as(doc + " has the " + McpSizes.END + " marker").isGreaterThan(begin);
            assertThat(text.substring(begin + McpSizes.BEGIN.length(), end).strip())
                    .as(doc + " quotes other sizes than `./scale tools sizes` measures; paste its output between the"
                            + " markers")
                    .isEqualTo(table.strip());
        }
    }
}
