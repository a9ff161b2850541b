package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.task.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code tasks bulk} killed halfway (a real child JVM, SIGKILL) and run again: every line ends up as exactly one
 * task, and the second run skips what the first one recorded.
 */
@ScaleEmulatorTest(workforce = false)
class BulkCrashTest {
    private static final int LINES = Integer.getInteger("bulk.lines", 120);

    RunningEmulator scale;

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesAndSubmitsEveryLineOnce() throws Exception {
        Map<String, String> env = Map.of(
                "SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.apiUrl(), "SCALE_HOME", dir.toString());
        assertThat(Cli.run(env, "projects", "create", "bulk", "--type", "imageannotation")
                        .exitCode())
                .isZero();
        Path input = dir.resolve("tasks.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            // half carry their own unique_id; the others get one made from their content
            lines.add("{\"type\":\"imageannotation\",\"project\":\"bulk\",\"attachment\":\"https://example.com/" + i
                    + ".jpg\",\"geometries\":{\"box\":{\"objects_to_annotate\":[\"cat\"]}}"
                    + (i % 2 == 0 ? ",\"unique_id\":\"line-" + i + "\"" : "") + "}");
        }
        Files.write(input, lines);
        Path checkpoint = dir.resolve("tasks.jsonl.checkpoint");

        // lines without a unique_id are refused up front unless the CLI may derive one from their content
        Cli.Run refused = Cli.run(env, "tasks", "bulk", input.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("unique_id", "--derive-unique-ids");
        assertThat(scale.client()
                        .tasks()
                        .listAutoPaging(TaskListParams.builder().project("bulk").build()))
                .isEmpty();

        // slow creates down so the kill lands in the middle
        scale.addFault(Fault.latency(150).onPath("POST", "/task/").forever());

        Process child = ChildScale.start(
                env,
                dir,
                dir.resolve("out.txt"),
                dir.resolve("err.txt"),
                "tasks",
                "bulk",
                input.toString(),
                "--concurrency",
                "2",
                "--derive-unique-ids");
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> recorded(checkpoint) >= LINES / 5 || !child.isAlive());
        assertThat(child.isAlive())
                .as(() -> "the first run ended before it was killed:\n" + read(dir.resolve("err.txt")))
                .isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long beforeRerun = recorded(checkpoint);
        assertThat(beforeRerun).isBetween((long) LINES / 5, (long) LINES - 1);

        scale.clearFaults();
        Cli.Run again = Cli.run(env, "tasks", "bulk", input.toString(), "--concurrency", "4", "--derive-unique-ids");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode report = ScaleJson.mapper().readTree(again.out());
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("total").asInt()).isEqualTo(LINES);
        assertThat(report.get("done_in_earlier_run").asLong()).isGreaterThanOrEqualTo(beforeRerun - 1);
        assertThat(again.err()).contains("bulk: " + LINES + "/" + LINES + " (100%)");

        List<Task> tasks = new ArrayList<>();
        scale.client()
                .tasks()
                .listAutoPaging(TaskListParams.builder().project("bulk").build())
                .forEach(tasks::add);
        Set<String> attachments = new HashSet<>();
        for (Task t : tasks) {
            attachments.add(
                    ScaleJson.mapper().valueToTree(t).at("/params/attachment").asString());
        }
        assertThat(tasks).hasSize(LINES);
        assertThat(attachments).hasSize(LINES);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static long recorded(Path checkpoint) throws java.io.IOException {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        return Files.readAllLines(checkpoint).stream()
                .filter(l -> l.contains("\"ok\""))
                .count();
    }
}
