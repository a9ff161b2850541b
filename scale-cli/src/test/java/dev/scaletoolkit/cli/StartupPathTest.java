package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 22: a short command against the emulator {@code scale up} started (found through the state file and the
 * default connection, as a user runs it) loads neither the gateway's database (JDBC driver, pool, Flyway) nor
 * Jetty, nor logback (when it logs nothing) or the JSON-Schema validator (when its arguments plainly fit); {@code
 * scale mcp} answers without checking the tools' schemas at start. Checked on the classes a real child JVM loads
 * ({@code -Xlog:class+load}), not on timings.
 */
class StartupPathTest {
    private static final List<String> HEAVY =
            List.of("org.sqlite.", "com.zaxxer.hikari.", "org.flywaydb.", "org.eclipse.jetty.", "org.postgresql.");
    /**
     * Neither is needed by a command that logs nothing and whose arguments plainly fit the tool's schema (logback
     * starts on the first message that is logged; the validator runs when the arguments may be wrong).
     */
    private static final List<String> UNNEEDED = List.of("ch.qos.logback.", "com.networknt.");

    @Test
    void shortCommandsLoadNoDatabaseDriverAndNoJetty(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        StringWriter out = new StringWriter();
        // the trigger poller on and frequent: its writes to the gateway's database must not send commands back
        // to that database (only a change to the connections does)
        CommandLine up = ScaleCli.commandLine(
                Map.of("SCALE_HOME", home.toString(), "SCALE_TRIGGERS_POLL_INTERVAL", "PT0.2S")::get);
        up.setOut(new PrintWriter(out, true));
        up.setErr(new PrintWriter(new StringWriter(), true));
        Thread server = new Thread(
                () -> up.execute("up", "--port", "0", "--data", data.toString(), "--no-workforce"), "startup-up");
        server.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> out.toString().contains("Listening on port: "));
            Map<String, String> env = Map.of("SCALE_HOME", home.toString());
            assertThat(child(dir, env, null, "projects", "create", "startup_probe", "--type", "categorization")
                            .exitCode)
                    .isZero();
            // a command reads the gateway once the database has been left alone a moment, and remembers the
            // default connection; commands after it do not open the database
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> child(dir, env, null, "--version").exitCode == 0
                            && child(dir, env, null, "projects", "get", "startup_probe").exitCode == 0
                            && Files.exists(home.resolve(DefaultConnectionCache.FILE_NAME)));

            for (String[] command : new String[][] {
                {"projects", "list"}, {"tasks", "list"}, {"tools", "list"}, {"emulator", "faults", "list"}
            }) {
                Path classes = dir.resolve("classes-" + command[0] + ".log");
                Result r = child(dir, env, classes, command);
                assertThat(r.exitCode)
                        .as(String.join(" ", command) + ": " + r.err)
                        .isZero();
                List<String> loaded = Files.readAllLines(classes);
                assertThat(loaded).anyMatch(l -> l.contains(" dev.scaletoolkit.cli.ScaleCli "));
                for (String heavy : HEAVY) {
                    assertThat(loaded)
                            .as(String.join(" ", command) + " loads " + heavy)
                            .noneMatch(l -> l.contains("] " + heavy));
                }
                for (String unneeded : UNNEEDED) {
                    assertThat(loaded)
                            .as(String.join(" ", command) + " loads " + unneeded)
                            .noneMatch(l -> l.contains("] " + unneeded));
                }
                if (command[0].equals("projects")) {
                    assertThat(r.out).contains("startup_probe"); // it did talk to the emulator
                }
            }

            // with SCALE_DEBUG the SDK's debug lines are printed, by logback, in its format
            Path debugClasses = dir.resolve("classes-debug.log");
            Map<String, String> debug = Map.of("SCALE_HOME", home.toString(), "SCALE_DEBUG", "1");
            Result traced = child(dir, debug, debugClasses, "projects", "get", "startup_probe");
            assertThat(traced.exitCode).as(traced.err).isZero();
            assertThat(traced.err)
                    .containsPattern(
                            "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG dev\\.scaletoolkit\\.client - GET /projects/");
            assertThat(Files.readAllLines(debugClasses)).anyMatch(l -> l.contains("] ch.qos.logback.classic.Logger "));
            // a wrong argument still gets the validator's words
            Result wrong = child(dir, env, null, "tools", "call", "SCALE_AI_LIST_TASKS", "--json", "{\"limit\":0}");
            assertThat(wrong.exitCode).isEqualTo(1);
            assertThat(wrong.out).contains("limit: must have a minimum value of 1");

            // scale mcp: initialize, then the whole tools/list, without checking the schemas at start
            Path mcpClasses = dir.resolve("classes-mcp.log");
            List<String> answers = mcp(dir, env, mcpClasses);
            assertThat(answers.get(0)).contains("\"serverInfo\"");
            assertThat(answers.get(1)).contains("SCALE_AI_LIST_TASKS").contains("SCALE_AI_READ_RESULT");
            assertThat(Files.readAllLines(mcpClasses))
                    .as("scale mcp checks no schema at start")
                    .noneMatch(l -> l.contains("] com.networknt."));
        } finally {
            server.interrupt();
            server.join(60_000);
        }
    }

    /** {@code scale mcp} as a child: its answers to initialize and tools/list. */
    private static List<String> mcp(Path dir, Map<String, String> env, Path classLog) throws Exception {
        List<String> command = javaCommand(classLog);
        command.add("mcp");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(Files.createTempFile(dir, "mcp-err", ".txt").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.outputWriter(java.nio.charset.StandardCharsets.UTF_8);
                var out = p.inputReader(java.nio.charset.StandardCharsets.UTF_8)) {
            in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
            in.flush();
            List<String> answers = List.of(String.valueOf(out.readLine()), String.valueOf(out.readLine()));
            in.close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("scale mcp did not exit when its input closed");
            }
            return answers;
        } finally {
            p.destroyForcibly();
        }
    }

    private record Result(int exitCode, String out, String err) {}

    /** {@code java ... ScaleCli} with the short commands' flags, logging loaded classes to {@code classLog}. */
    private static List<String> javaCommand(Path classLog) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.add("-cp");
        command.add(ChildScale.classPath());
        command.add(ScaleCli.class.getName());
        return command;
    }

    private static Result child(Path dir, Map<String, String> env, Path classLog, String... args)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(classLog);
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
