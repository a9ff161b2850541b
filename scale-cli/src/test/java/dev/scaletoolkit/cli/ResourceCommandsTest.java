package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale projects|batches|tasks} against a running emulator, reached through SCALE_API_KEY/SCALE_BASE_URL
 * as a user would set them: each command prints the tool's data as JSON, or its error with exit code 1.
 */
// no workforce: tasks stay pending, so they can be canceled
@ScaleEmulatorTest(workforce = false)
class ResourceCommandsTest {
    RunningEmulator scale;
    private Map<String, String> env;

    @BeforeEach
    void environment() {
        env = Map.of("SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.apiUrl());
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = Cli.run(env, args);
        assertThat(run.exitCode())
                .as(String.join(" ", args) + "\nerr: " + run.err())
                .isZero();
        assertThat(run.out() + run.err()).doesNotContain(scale.liveKey());
        return run;
    }

    private static JsonNode json(Cli.Run run) {
        return ScaleJson.mapper().readTree(run.out());
    }

    @Test
    void projectsCreateListAndGet() {
        JsonNode created = json(ok(
                "projects",
                "create",
                "dogs",
                "--type",
                "imageannotation",
                "--params",
                "{\"instruction\":\"Box dogs.\"}"));
        assertThat(created.get("name").asString()).isEqualTo("dogs");
        assertThat(created.get("type").asString()).isEqualTo("imageannotation");

        assertThat(json(ok("projects", "list")).get("docs").findValuesAsString("name"))
                .contains("dogs");
        JsonNode got = json(ok("projects", "get", "dogs"));
        assertThat(got.toString()).contains("Box dogs.");

        Cli.Run again = Cli.run(env, "projects", "create", "dogs", "--type", "imageannotation");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("Error (").contains("dogs");

        Cli.Run badJson = Cli.run(env, "projects", "create", "x", "--type", "imageannotation", "--params", "{oops");
        assertThat(badJson.exitCode()).isEqualTo(2);
        assertThat(badJson.err()).contains("--params is not valid JSON");
    }

    @Test
    void batchesCreateListGetFinalizeAndStatus() {
        // a Studio project stages its batches until they are finalized
        ok("projects", "create", "birds", "--type", "imageannotation", "--studio");
        JsonNode batch = json(ok("batches", "create", "birds-1", "--project", "birds", "--metadata", "{\"week\":2}"));
        assertThat(batch.get("name").asString()).isEqualTo("birds-1");
        assertThat(batch.get("status").asString()).isEqualTo("staging");

        assertThat(json(ok("batches", "list", "--project", "birds")).get("docs").findValuesAsString("name"))
                .containsExactly("birds-1");
        assertThat(json(ok("batches", "get", "birds-1")).at("/metadata/week").asInt())
                .isEqualTo(2);
        assertThat(json(ok("batches", "status", "birds-1")).get("status").asString())
                .isEqualTo("staging");
        assertThat(json(ok("batches", "finalize", "birds-1")).get("status").asString())
                .isEqualTo("in_progress");

        Cli.Run missing = Cli.run(env, "batches", "status", "no-such-batch");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("not_found", "HTTP 404");

        Cli.Run noProject = Cli.run(env, "batches", "create", "orphan");
        assertThat(noProject.exitCode()).isEqualTo(2);
        assertThat(noProject.err()).contains("--project");
    }

    @Test
    void tasksListGetAndCancel() {
        ok("projects", "create", "fish", "--type", "imageannotation");
        Cli.Run created = ok(
                "tools",
                "call",
                "CREATE_IMAGE_ANNOTATION_TASK",
                "--json",
                "{\"project\":\"fish\",\"attachment\":\"https://example.com/f.png\",\"unique_id\":\"fish-1\","
                        + "\"geometries\":{\"box\":{\"objects_to_annotate\":[\"fish\"]}}}");
        String id = json(created).at("/data/task_id").asString();

        JsonNode list = json(ok("tasks", "list", "--project", "fish", "--status", "pending", "--limit", "5"));
        assertThat(list.get("docs").findValuesAsString("task_id")).containsExactly(id);
        assertThat(json(ok("tasks", "list", "--project", "fish", "--status", "completed"))
                        .get("docs"))
                .isEmpty();
        assertThat(json(ok("tasks", "get", id)).get("status").asString()).isEqualTo("pending");

        JsonNode canceled = json(ok("tasks", "cancel", id, "--clear-unique-id"));
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(canceled.has("unique_id")).isFalse();

        Cli.Run missing = Cli.run(env, "tasks", "cancel", "000000000000000000000000");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("Error (not_found, HTTP 404): ");

        Cli.Run badStatus = Cli.run(env, "tasks", "list", "--status", "done");
        assertThat(badStatus.exitCode()).isEqualTo(1);
        assertThat(badStatus.err()).contains("invalid_input", "status");
    }

    @Test
    void baseUrlAndKeyVariableOptionsPickTheScale() {
        Map<String, String> other = Map.of("MY_SCALE_KEY", scale.liveKey());
        Cli.Run run = Cli.run(
                other, "projects", "list", "--base-url", scale.baseUrl() + "/v1", "--api-key-env", "MY_SCALE_KEY");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(run).has("docs")).isTrue();

        Cli.Run unset = Cli.run(Map.of(), "projects", "list", "--api-key-env", "NOT_SET_ANYWHERE");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("NOT_SET_ANYWHERE");

        Cli.Run urlWithoutKey = Cli.run(Map.of(), "projects", "list", "--base-url", scale.baseUrl());
        assertThat(urlWithoutKey.exitCode()).isEqualTo(2);
        assertThat(urlWithoutKey.err()).contains("--base-url needs an API key");

        Cli.Run wrongKey = Cli.run(
                Map.of("SCALE_API_KEY", "live_wrong_key_123", "SCALE_BASE_URL", scale.baseUrl()), "projects", "list");
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("unauthorized").doesNotContain("live_wrong_key_123");
    }

    @Test
    void everyResourceCommandExplainsItself() {
        String[][] commands = {
            {"tasks", "list"},
            {"tasks", "get"},
            {"tasks", "cancel"},
            {"batches", "list"},
            {"batches", "get"},
            {"batches", "create"},
            {"batches", "finalize"},
            {"batches", "status"},
            {"projects", "list"},
            {"projects", "get"},
            {"projects", "create"}
        };
        for (String[] c : commands) {
            Cli.Run help = Cli.run(Map.of(), c[0], c[1], "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out())
                    .as(String.join(" ", c))
                    .contains("Usage: scale " + c[0] + " " + c[1], "SCALE_AI_", "Example:", "./scale " + c[0])
                    .contains("--api-key-env", "--base-url");
        }
        assertThat(Cli.run(Map.of(), "tasks").out()).contains("list", "get", "cancel");
        assertThat(Cli.run(Map.of(), "--help").out()).contains("tasks", "batches", "projects", "tools", "mcp", "up");
    }
}
