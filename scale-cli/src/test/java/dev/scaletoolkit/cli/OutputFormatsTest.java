package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code --output table|json|jsonl|id}, {@code --fields}, colour, and the exit codes 0, 1, 2 and 3. */
@ScaleEmulatorTest(workforce = false)
class OutputFormatsTest {
    RunningEmulator scale;
    Map<String, String> env;

    @BeforeEach
    void projects() {
        scale.reset();
        env = Map.of("SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.apiUrl());
        for (String name : new String[] {"owls", "bats"}) {
            Cli.Run r = Cli.run(
                    env,
                    "projects",
                    "create",
                    name,
                    "--type",
                    "imageannotation",
                    "--params",
                    "{\"instruction\":\"Box every " + name + ".\"}");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    @Test
    void listingsAreJsonWhenPipedAndATableOnATerminal() {
        Cli.Run piped = Cli.run(env, "projects", "list");
        JsonNode json = ScaleJson.mapper().readTree(piped.out());
        assertThat(json.get("docs").findValuesAsString("name")).containsExactlyInAnyOrder("owls", "bats");

        Cli.Run terminal = Cli.run(env, true, "projects", "list");
        String[] lines = terminal.out().strip().split("\\R");
        assertThat(lines[0]).contains("NAME", "TYPE").startsWith("\u001b[1m"); // a bold header on a terminal
        assertThat(lines).hasSize(3);
        assertThat(terminal.out()).contains("owls", "imageannotation");

        Map<String, String> noColour = new HashMap<>(env);
        noColour.put("NO_COLOR", "1");
        Cli.Run plain = Cli.run(noColour, true, "projects", "list");
        assertThat(plain.out()).doesNotContain("\u001b[").startsWith("NAME");

        assertThat(Cli.run(env, "projects", "list", "--output", "table").out())
                .startsWith("NAME")
                .doesNotContain("\u001b[");
    }

    @Test
    void jsonLinesIdsAndFields() {
        Cli.Run jsonl = Cli.run(env, "projects", "list", "--output", "jsonl", "--fields", "name,type");
        String[] lines = jsonl.out().strip().split("\\R");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode record = ScaleJson.mapper().readTree(line);
            assertThat(record.propertyNames()).containsExactlyInAnyOrder("name", "type");
        }

        Cli.Run ids = Cli.run(env, "projects", "list", "-o", "id");
        assertThat(ids.out().strip().split("\\R")).containsExactlyInAnyOrder("owls", "bats");

        // dots reach into objects, and the answer keeps its nesting
        assertThat(Cli.run(
                                env,
                                "batches",
                                "create",
                                "owls-1",
                                "--project",
                                "owls",
                                "--metadata",
                                "{\"week\":2,\"site\":\"barn\"}")
                        .exitCode())
                .isZero();
        Cli.Run nested = Cli.run(env, "batches", "get", "owls-1", "--fields", "name,metadata.week");
        JsonNode got = ScaleJson.mapper().readTree(nested.out());
        assertThat(got.propertyNames()).containsExactlyInAnyOrder("name", "metadata");
        assertThat(got.get("metadata").propertyNames()).containsExactly("week");
        assertThat(got.at("/metadata/week").asInt()).isEqualTo(2);

        Cli.Run table =
                Cli.run(env, "batches", "list", "--output", "table", "--full", "--fields", "name,metadata.site");
        assertThat(table.out()).contains("METADATA.SITE", "barn");
    }

    @Test
    void exitCodes(@TempDir Path dir) throws Exception {
        assertThat(Cli.run(env, "projects", "get", "owls").exitCode()).isEqualTo(ExitCodes.OK);

        Cli.Run missing = Cli.run(env, "projects", "get", "no-such-project");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);

        Cli.Run typo = Cli.run(env, "projects", "list", "--output", "tabel");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("did you mean 'table'?");

        Path args = Files.writeString(dir.resolve("args.json"), "{}");
        Cli.Run both = Cli.run(env, "tools", "call", "LIST_PROJECTS", "--json", "{}", "--json-file", args.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--json or --json-file, not both");

        Cli.Run noFile = Cli.run(
                env,
                "tools",
                "call",
                "LIST_PROJECTS",
                "--json-file",
                dir.resolve("nope.json").toString());
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err()).contains("nope.json", "no such file");

        Cli.Run unknownOption = Cli.run(env, "projects", "list", "--archivd");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).contains("--archived");

        Cli.Run badProfile = Cli.run(env, "tools", "list", "--profile", "cor");
        assertThat(badProfile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badProfile.err()).contains("did you mean 'core'?");

        Map<String, String> gone = Map.of(
                "SCALE_API_KEY",
                scale.liveKey(),
                "SCALE_BASE_URL",
                "http://127.0.0.1:1/v1",
                "SCALE_HOME",
                dir.toString());
        assertThat(Cli.run(gone, "projects", "list").exitCode()).isEqualTo(ExitCodes.UNREACHABLE);

        assertThat(Cli.run(Map.of(), "--help").out()).contains("Exit codes: 0 ok, 1", "2 usage", "3 no Scale");
    }

    @Test
    void theVersionComesFromTheBuild() {
        Cli.Run version = Cli.run(Map.of(), "--version");
        assertThat(version.out().strip())
                .isEqualTo("scale-toolkit " + dev.scaletoolkit.client.SdkVersion.VERSION)
                .doesNotEndWith("dev");
        // one version everywhere: the emulator and the MCP server report the same string
        assertThat(scale.control().health().path("version").stringValue())
                .isEqualTo(dev.scaletoolkit.client.SdkVersion.VERSION);
        assertThat(dev.scaletoolkit.mcp.ScaleMcpServer.VERSION).isEqualTo(dev.scaletoolkit.client.SdkVersion.VERSION);
    }
}
