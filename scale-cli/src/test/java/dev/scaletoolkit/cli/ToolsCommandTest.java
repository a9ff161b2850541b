package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code scale tools list|call} and {@code scale generate-completion}, run in-process. */
@ScaleEmulatorTest(workforce = false)
class ToolsCommandTest {

    @Test
    void listsTheCoreProfile() {
        Cli.Run run = Cli.run(Map.of(), "tools", "list", "--profile", "core", "--output", "table");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines[lines.length - 1]).isEqualTo("12 tools in profile core");
        assertThat(lines).hasSize(13);
        assertThat(run.out())
                .contains("SCALE_AI_LIST_TASKS", "SCALE_AI_CREATE_BATCH")
                .doesNotContain("STUDIO");

        Cli.Run json = Cli.run(Map.of(), "tools", "list", "--profile", "readonly", "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode tools = ScaleJson.mapper().readTree(json.out());
        assertThat(tools.findValuesAsString("slug"))
                .contains("SCALE_AI_GET_TASK")
                .doesNotContain("SCALE_AI_CANCEL_TASK");

        Cli.Run bad = Cli.run(Map.of(), "tools", "list", "--profile", "tiny");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown profile 'tiny'; expected core, full, readonly");
    }

    @Test
    void callPrintsTheEnvelopeAndExitsWithItsOutcome(RunningEmulator scale) {
        {
            Map<String, String> env = Map.of("SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.baseUrl());

            Cli.Run created = Cli.run(
                    env,
                    "tools",
                    "call",
                    "SCALE_AI_CREATE_PROJECT",
                    "--json",
                    "{\"name\":\"cats\",\"type\":\"imageannotation\"}");
            assertThat(created.exitCode()).as(created.err()).isZero();
            JsonNode envelope = ScaleJson.mapper().readTree(created.out());
            assertThat(envelope.get("successful").asBoolean()).isTrue();
            assertThat(envelope.at("/data/name").asString()).isEqualTo("cats");
            assertThat(envelope.get("error").isNull()).isTrue();

            Cli.Run invalid = Cli.run(env, "tools", "call", "CREATE_BATCH", "--json", "{\"project\":1}");
            assertThat(invalid.exitCode()).isEqualTo(1);
            JsonNode failed = ScaleJson.mapper().readTree(invalid.out());
            assertThat(failed.get("successful").asBoolean()).isFalse();
            assertThat(failed.at("/error/code").asString()).isEqualTo("invalid_input");
            assertThat(failed.at("/error/problems").findValuesAsString("field")).contains("project", "name");

            Cli.Run unknown = Cli.run(env, "tools", "call", "NO_SUCH_TOOL");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.out()).contains("unknown_tool");

            Cli.Run typo = Cli.run(env, "tools", "call", "SCALE_AI_LIST_PROJECT");
            assertThat(typo.exitCode()).isEqualTo(1);
            assertThat(typo.err()).contains("did you mean 'SCALE_AI_LIST_PROJECTS'?");

            Cli.Run notJson = Cli.run(env, "tools", "call", "LIST_PROJECTS", "--json", "{nope");
            assertThat(notJson.exitCode()).isEqualTo(2);
            assertThat(notJson.err()).contains("--json is not valid JSON");
            assertThat(created.out() + invalid.out() + invalid.err()).doesNotContain(scale.liveKey());
        }
    }

    @Test
    void generatesACompletionScriptForEveryCommand() {
        Cli.Run run = Cli.run(Map.of(), "generate-completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_scale", "tasks", "batches", "projects", "finalize", "--profile");
    }
}
