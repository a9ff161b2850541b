package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.mcp.McpSizes;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code scale tools sizes} prints the opening cost per profile, the table the docs quote, and JSON. */
class ToolsSizesCommandTest {
    @Test
    void printsEveryProfileForBothServersAsJsonAndAsTheDocsTable() {
        Cli.Run json = Cli.run(Map.of(), "tools", "sizes", "--output", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode rows = ScaleJson.mapper().readTree(json.out());
        assertThat(rows).hasSize(8);
        for (JsonNode row : rows) {
            assertThat(row.path("total_bytes").asInt())
                    .isEqualTo(row.path("initialize_bytes").asInt()
                            + row.path("tools_list_bytes").asInt());
            if (row.path("profile").asString().equals("discovery")) {
                assertThat(row.path("total_bytes").asInt()).as(row.toString()).isLessThanOrEqualTo(2048);
                assertThat(row.path("tools").asInt()).isEqualTo(3);
            }
        }

        Cli.Run table = Cli.run(Map.of(), "tools", "sizes");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("| server | profile |").contains("| gateway | discovery | 3 |");
        assertThat(table.out().lines().count()).isEqualTo(10);
        assertThat(McpSizes.BEGIN).isNotBlank();

        Cli.Run bad = Cli.run(Map.of(), "tools", "sizes", "--output", "yaml");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--output").contains("table or json");
    }
}
