package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Which Scale a command talks to: the emulator {@code ./scale up} recorded, found from another directory and
 * named on stderr; never a throwaway one unless {@code --embedded} asks; stale records and unreachable URLs
 * reported with exit code 3.
 */
class TargetResolutionTest {
    @TempDir
    Path tmp;

    @Test
    void aCommandInAnotherDirectoryReachesTheRunningEmulatorAndSaysSo() throws Exception {
        Path home = tmp.resolve("home");
        Path data = tmp.resolve("elsewhere/data");
        Map<String, String> env = Map.of("SCALE_HOME", home.toString());
        StringWriter banner = new StringWriter();
        CommandLine up = ScaleCli.commandLine(env::get);
        up.setOut(new PrintWriter(banner, true));
        up.setErr(new PrintWriter(new StringWriter(), true));
        Thread server = new Thread(
                () -> up.execute("up", "--port", "0", "--data", data.toString(), "--no-workforce"), "scale-up");
        server.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> banner.toString().contains("Listening on port: "));
            int port = Integer.parseInt(find(banner.toString(), "Listening on port: (\\d+)"));
            String url = "http://127.0.0.1:" + port;

            // the state file: owner-only, pointing at the keys rather than holding them
            Path state = home.resolve(EmulatorState.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
                    .isEqualTo("rw-------");
            String stateText = Files.readString(state);
            assertThat(stateText)
                    .contains(url, data.toAbsolutePath().toString())
                    .doesNotContain("live_");

            // a real child process, started in an unrelated directory with nothing but SCALE_HOME
            Path otherDir = Files.createDirectories(tmp.resolve("somewhere/else"));
            Process child =
                    ChildScale.start(env, otherDir, tmp.resolve("out.txt"), tmp.resolve("err.txt"), "projects", "list");
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(tmp.resolve("err.txt"));
            assertThat(child.exitValue()).as(err).isZero();
            assertThat(err).contains("scale: using ", url);
            assertThat(ScaleJson.mapper()
                            .readTree(Files.readString(tmp.resolve("out.txt")))
                            .isObject())
                    .isTrue();
            assertThat(otherDir).isEmptyDirectory(); // no .scale-data made where the command ran

            // --port alone finds the keys through the state file; --data alone finds the port
            for (String[] args : new String[][] {
                {"projects", "list", "--port", String.valueOf(port)},
                {"projects", "list", "--data", data.toString()},
                {"projects", "list", "--port", String.valueOf(port), "--data", data.toString()}
            }) {
                Cli.Run run = Cli.run(env, args);
                assertThat(run.exitCode())
                        .as(String.join(" ", args) + "\n" + run.err())
                        .isZero();
                assertThat(run.err()).contains(url);
            }

            // a mistyped connection name gets a suggestion
            Cli.Run typo = Cli.run(env, "projects", "list", "--connection", "emulatr");
            assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(typo.err()).contains("did you mean 'emulator'?");
            Cli.Run named = Cli.run(env, "projects", "list", "--connection", "emulator-test");
            assertThat(named.exitCode()).as(named.err()).isZero();
            assertThat(named.err()).contains("connection 'emulator-test'", url);
        } finally {
            server.interrupt();
            server.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(home.resolve(EmulatorState.FILE_NAME)).doesNotExist(); // a clean stop removes the record
    }

    @Test
    void aStaleRecordIsReportedNotUsed() throws Exception {
        Path home = tmp.resolve("home");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new EmulatorState(
                        "http://127.0.0.1:1",
                        tmp.resolve("data"),
                        tmp.resolve("data/credentials.json"),
                        gone.pid(),
                        "x")
                .write(home.resolve(EmulatorState.FILE_NAME));

        Cli.Run run = Cli.run(Map.of("SCALE_HOME", home.toString()), "projects", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err()).contains("no longer running", "pid " + gone.pid(), "http://127.0.0.1:1", "./scale up");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void onlyEmbeddedStartsAThrowawayEmulator() {
        Map<String, String> env = Map.of("SCALE_HOME", tmp.resolve("empty-home").toString());

        Cli.Run none = Cli.run(env, "projects", "list");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(none.err()).contains("no Scale to talk to", "./scale up", "--embedded");
        assertThat(none.out()).isEmpty();

        Cli.Run embedded = Cli.run(env, "projects", "list", "--embedded");
        assertThat(embedded.exitCode()).as(embedded.err()).isZero();
        assertThat(embedded.err()).contains("throwaway emulator");
        assertThat(ScaleJson.mapper().readTree(embedded.out()).path("docs").isArray())
                .isTrue();

        Cli.Run both = Cli.run(env, "projects", "list", "--embedded", "--port", "8790");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unreachableTargetsNameTheirUrl() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("credentials.json"), "{\"live_key\":\"live_abc\"}");
        Map<String, String> home = Map.of("SCALE_HOME", tmp.resolve("home").toString());

        Cli.Run byPort = Cli.run(home, "projects", "list", "--port", String.valueOf(closed), "--data", data.toString());
        assertThat(byPort.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(byPort.err()).contains("http://127.0.0.1:" + closed);

        Map<String, String> env = Map.of(
                "SCALE_HOME",
                tmp.resolve("home").toString(),
                "SCALE_API_KEY",
                "live_not_a_real_key",
                "SCALE_BASE_URL",
                "http://127.0.0.1:" + closed + "/v1");
        for (String[] args : new String[][] {{"projects", "list"}, {"tasks", "wait", "abc", "--timeout", "5s"}}) {
            Cli.Run run = Cli.run(env, args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(run.err())
                    .contains("cannot reach http://127.0.0.1:" + closed + "/v1")
                    .doesNotContain("live_not");
        }

        Cli.Run noKeys = Cli.run(home, "projects", "list", "--port", String.valueOf(closed));
        assertThat(noKeys.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noKeys.err()).contains("no keys known", "--data");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return m.group(1);
    }
}
