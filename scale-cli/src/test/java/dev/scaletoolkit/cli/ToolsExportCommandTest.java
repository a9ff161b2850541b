package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code scale tools export --format openai|anthropic|mcp} writes definitions each framework accepts. */
class ToolsExportCommandTest {

    @Test
    void eachFormatHasTheProfilesTools(@TempDir Path tmp) throws Exception {
        Cli.Run openai = Cli.run(Map.of(), "tools", "export", "--format", "openai", "--profile", "core");
        assertThat(openai.exitCode()).as(openai.err()).isZero();
        JsonNode o = ScaleJson.mapper().readTree(openai.out());
        assertThat(o.isArray()).isTrue();
        assertThat(o.get(0).path("type").asString()).isEqualTo("function");
        assertThat(o.get(0).path("function").path("strict").asBoolean()).isTrue();

        Cli.Run anthropic = Cli.run(Map.of(), "tools", "export", "--format", "anthropic", "--profile", "core");
        JsonNode a = ScaleJson.mapper().readTree(anthropic.out());
        assertThat(a.get(0).has("input_schema")).isTrue();
        assertThat(a.size()).isEqualTo(o.size());

        Path file = tmp.resolve("mcp.json");
        Cli.Run mcp = Cli.run(Map.of(), "tools", "export", "--format", "mcp", "--out", file.toString());
        assertThat(mcp.exitCode()).as(mcp.err()).isZero();
        JsonNode m = ScaleJson.mapper().readTree(Files.readString(file));
        assertThat(m.path("tools").size()).isEqualTo(50);
        assertThat(m.path("tools").get(0).has("inputSchema")).isTrue();
        assertThat(m.path("tools").get(0).has("annotations")).isTrue();

        assertThat(Cli.run(Map.of(), "tools", "export", "--format", "yaml").exitCode())
                .isEqualTo(2);
    }
}
