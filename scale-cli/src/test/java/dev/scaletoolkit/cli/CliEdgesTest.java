package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.connection.Mode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI edges of issue 18 (its "Why" 9), one test per reproduction: help that fits the width without splitting
 * words or dotted names, exit code 3 and one clear line whenever the Scale cannot be reached, errors that name the
 * command as typed, and {@code emulator faults list}.
 */
@ScaleEmulatorTest(workforce = false)
class CliEdgesTest {
    RunningEmulator scale;

    @TempDir
    Path home;

    private Map<String, String> emulatorEnv() {
        return Map.of(
                "SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.apiUrl(), "SCALE_HOME", home.toString());
    }

    @Test
    void helpAtEightyColumnsFitsAndEveryCommandSummaryIsASentence() {
        Cli.Run help = Cli.run(Map.of("COLUMNS", "80", "SCALE_HOME", home.toString()), "--help");
        assertThat(help.exitCode()).isZero();
        for (String line : help.out().split("\n")) {
            assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(help.out()).contains("  mcp                  Serve the Scale tools over MCP on stdin/stdout.\n");
    }

    @Test
    void helpIsEightyColumnsWhenTheWidthIsUnknownAndFollowsColumnsOtherwise() {
        Cli.Run unknown = Cli.run(Map.of("SCALE_HOME", home.toString()), "tasks", "list", "--help");
        assertThat(longest(unknown.out())).isBetween(70, 80);
        Cli.Run wide = Cli.run(Map.of("COLUMNS", "120", "SCALE_HOME", home.toString()), "tasks", "list", "--help");
        assertThat(longest(wide.out())).isBetween(100, 120);
    }

    @Test
    void helpNeverSplitsADottedNameAtAnyWidth() {
        for (int width = 55; width <= 130; width++) {
            Cli.Run help = Cli.run(
                    Map.of("COLUMNS", Integer.toString(width), "SCALE_HOME", home.toString()),
                    "tasks",
                    "bulk",
                    "--help");
            String text = help.out();
            assertThat(text)
                    .as("width " + width)
                    .contains("FILE.jsonl.checkpoint")
                    .contains("FILE.checkpoint");
            for (String line : text.split("\n")) {
                assertThat(line).as("width " + width).doesNotEndWith("FILE.").doesNotEndWith("jsonl.");
            }
        }
    }

    @Test
    void examplesAreNeverWrapped() {
        Cli.Run help = Cli.run(Map.of("COLUMNS", "60", "SCALE_HOME", home.toString()), "--help");
        assertThat(help.out())
                .contains("  ./scale tools call SCALE_AI_GET_BATCH_STATUS --json '{\"batch_name\":\"cats-1\"}'\n");
    }

    @Test
    void anErrorNamesTheCommandAsTyped() {
        Cli.Run run = Cli.run(emulatorEnv(), "tasks", "create", "categorization", "--json", "{}");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("scale tasks create: ").doesNotContain("scale create:");
    }

    @Test
    void everyCommandThatCannotReachItsScaleExitsThreeWithOneLine() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        Map<String, String> env =
                Map.of("SCALE_API_KEY", "live_0123456789abcdef", "SCALE_BASE_URL", dead, "SCALE_HOME", home.toString());
        for (List<String> command : List.of(
                List.of("tasks", "list"),
                List.of("projects", "list"),
                List.of("batches", "status", "b"),
                List.of("emulator", "requests"),
                List.of("emulator", "faults", "list"),
                List.of("tasks", "wait", "000000000000000000000000"))) {
            Cli.Run run = Cli.run(env, command.toArray(String[]::new));
            assertThat(run.exitCode()).as(command + "\n" + run.err()).isEqualTo(ExitCodes.UNREACHABLE);
            List<String> lines = Arrays.asList(run.err().strip().split("\n"));
            // the notice naming the target, then one line that says what is wrong: no retries, no stack trace hint
            assertThat(lines).as(command.toString()).hasSize(2);
            assertThat(lines.get(1)).contains("cannot reach " + dead).doesNotContain("SCALE_DEBUG");
        }
    }

    @Test
    void theDefaultConnectionToAStoppedEmulatorExitsThreeWithOneLine() throws IOException {
        String dead = "http://127.0.0.1:" + freePort() + "/v1";
        Map<String, String> env = new HashMap<>(Map.of("SCALE_HOME", home.toString()));
        try (Gateway gw = Gateway.open(home, env::get)) {
            // as `scale up` records the emulator it started (the outbound policy refuses other loopback URLs)
            gw.connections()
                    .outbound()
                    .recordStartedEmulator(java.net.URI.create(dead).getAuthority());
            gw.connections()
                    .put(new Connections.NewConnection(
                            EmulatorConnections.LIVE, dead, Mode.LIVE, "live_0123456789abcdef", null));
            gw.connections().use(EmulatorConnections.LIVE);
        }
        for (int i = 0; i < 2; i++) { // the second run finds the default without opening the database
            Cli.Run run = Cli.run(env, "tasks", "list");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(run.err().strip().split("\n")).hasSize(2);
            assertThat(run.err()).contains("cannot reach " + dead);
        }
    }

    @Test
    void faultsCanBeListedAndCleared() {
        Map<String, String> env = emulatorEnv();
        scale.reset();
        assertThat(Cli.run(
                                env,
                                "emulator",
                                "faults",
                                "add",
                                "--status",
                                "503",
                                "--times",
                                "-1",
                                "--path-prefix",
                                "/nowhere")
                        .exitCode())
                .isZero();
        Cli.Run listed = Cli.run(env, "emulator", "faults", "list", "-o", "jsonl");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().strip().split("\n")).hasSize(1);
        assertThat(listed.out()).contains("\"status\":503").contains("\"path_prefix\":\"/nowhere\"");
        assertThat(Cli.run(env, "emulator", "faults", "clear").exitCode()).isZero();
        assertThat(Cli.run(env, "emulator", "faults", "list", "-o", "jsonl").out())
                .isBlank();
    }

    @Test
    void emulatorRequestsReachesARunningEmulator() {
        Cli.Run run = Cli.run(emulatorEnv(), "emulator", "requests", "--limit", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static int longest(String text) {
        return Arrays.stream(text.split("\n"))
                .mapToInt(l -> l.codePointCount(0, l.length()))
                .max()
                .orElse(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: nothing listens there
        }
    }
}
