package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code tasks create|wait|export}, {@code batches wait} and {@code emulator reset|faults|complete|fail}. */
@ScaleEmulatorTest(workforce = false)
class TaskCommandsTest {
    RunningEmulator scale;
    Map<String, String> env;

    @BeforeEach
    void project() {
        scale.reset();
        env = Map.of("SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.apiUrl());
        ok("projects", "create", "cats", "--type", "imageannotation");
        ok("batches", "create", "cats-1", "--project", "cats");
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = Cli.run(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    private String createTask(String uniqueId) {
        return ok(
                        "tasks",
                        "create",
                        "imageannotation",
                        "--batch",
                        "cats-1",
                        "--attachment",
                        "https://example.com/" + uniqueId + ".jpg",
                        "--unique-id",
                        uniqueId,
                        "--param",
                        "geometries={\"box\":{\"objects_to_annotate\":[\"cat\"]}}",
                        "--output",
                        "id")
                .out()
                .strip();
    }

    @Test
    void createWaitAndCompleteFromTheShell() {
        String id = createTask("cat-1");
        String failing = createTask("cat-3");
        assertThat(id).matches("[0-9a-f]{24}");

        Cli.Run fromJson = ok(
                "tasks",
                "create",
                "imageannotation",
                "--json",
                "{\"project\":\"cats\",\"attachment\":\"https://example.com/2.jpg\","
                        + "\"geometries\":{\"box\":{\"objects_to_annotate\":[\"cat\"]}}}",
                "--fields",
                "status,project");
        assertThat(ScaleJson.mapper().readTree(fromJson.out()).get("status").asString())
                .isEqualTo("pending");

        ok("emulator", "complete", id);
        JsonNode waited = ScaleJson.mapper()
                .readTree(ok("tasks", "wait", id, "--timeout", "30s").out());
        assertThat(waited.get("status").asString()).isEqualTo("completed");

        ok("emulator", "fail", failing, "--message", "image did not load");
        Cli.Run ended = Cli.run(env, "tasks", "wait", failing, "--timeout", "30s");
        assertThat(ended.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(ended.err()).contains("ended error");

        Cli.Run typo = Cli.run(env, "tasks", "create", "imageanotation", "--project", "cats");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("did you mean 'imageannotation'?");
    }

    @Test
    void batchWaitEndsWhenItsTasksAreDone() {
        String id = createTask("cat-b1");
        ok("emulator", "complete", id);
        JsonNode batch = ScaleJson.mapper()
                .readTree(ok("batches", "wait", "cats-1", "--timeout", "30s").out());
        assertThat(batch.get("status").asString()).isEqualTo("completed");
    }

    @Test
    void exportsCompletedTasksAsJsonlAndCoco(@TempDir Path dir) throws Exception {
        String done = createTask("cat-e1");
        createTask("cat-e2"); // stays pending: not exported
        ok("emulator", "complete", done);

        Cli.Run stdout = ok("tasks", "export", "--project", "cats", "--format", "jsonl");
        String[] lines = stdout.out().strip().split("\\R");
        assertThat(lines).hasSize(1);
        assertThat(ScaleJson.mapper().readTree(lines[0]).get("task_id").asString())
                .isEqualTo(done);

        Path coco = dir.resolve("cats-coco.json");
        ok("tasks", "export", "--project", "cats", "--format", "coco", "--file", coco.toString());
        JsonNode cocoJson = ScaleJson.mapper().readTree(Files.readString(coco));
        assertThat(cocoJson.get("images")).hasSize(1);
        assertThat(cocoJson.has("annotations")).isTrue();

        Cli.Run badFormat = Cli.run(env, "tasks", "export", "--project", "cats", "--format", "cocoa");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("did you mean 'coco'?");
    }

    @Test
    void faultsAndResetFromTheShell() {
        ok(
                "emulator",
                "faults",
                "add",
                "--method",
                "GET",
                "--path-prefix",
                "/projects",
                "--status",
                "400",
                "--times",
                "-1");
        Cli.Run failing = Cli.run(env, "projects", "list");
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.FAILED);

        ok("emulator", "faults", "clear");
        ok("projects", "list");

        ok("emulator", "reset");
        assertThat(ScaleJson.mapper().readTree(ok("projects", "list").out()).get("docs"))
                .isEmpty();

        Cli.Run noEffect = Cli.run(env, "emulator", "faults", "add", "--times", "2");
        assertThat(noEffect.exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run badPhase = Cli.run(env, "emulator", "faults", "add", "--status", "500", "--phase", "after-commit");
        assertThat(badPhase.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPhase.err()).contains("did you mean 'after_commit'?");
    }
}
