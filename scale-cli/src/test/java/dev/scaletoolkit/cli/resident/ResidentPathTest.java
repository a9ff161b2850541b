package dev.scaletoolkit.cli.resident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.cli.ScaleCli;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.mcp.McpClients;
import dev.scaletoolkit.model.jackson.ScaleJson;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The resident path as users meet it: the thin client in a real child JVM ({@link Thin} as the jar's main class)
 * handing commands to a {@link ResidentServer} in this JVM, over its Unix socket, found through
 * {@code $SCALE_HOME/emulator.json}. What a command prints and returns must be exactly what the plain path gives;
 * whether a run took the resident path is read from the classes the child loaded ({@code -Xlog:class+load}).
 */
@ScaleEmulatorTest(workforce = false)
class ResidentPathTest {
    /** Libraries the thin client must not load on the resident path. */
    private static final List<String> HEAVY = List.of(
            "picocli.",
            "tools.jackson.",
            "com.fasterxml.jackson.",
            "org.eclipse.jetty.",
            "org.sqlite.",
            "ch.qos.logback.",
            "org.slf4j.",
            "java.net.http.",
            "com.networknt.",
            "dev.scaletoolkit.client.");

    RunningEmulator scale;

    @TempDir
    Path dir;

    private Path home;
    private ResidentServer server;

    @BeforeEach
    void serve() throws IOException {
        home = dir.resolve("home");
        Files.createDirectories(home);
        writeState(home, ProcessHandle.current().pid());
        server = ResidentServer.start(home, ProcessHandle.current().pid());
        assertThat(server.socket()).as("the server listens").isNotNull();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyServedCommandPrintsWhatTheInProcessRunPrints() {
        Map<String, String> env = env(home);
        inProcess(env, "projects", "create", "herons", "--type", "imageannotation");
        inProcess(env, "batches", "create", "herons-1", "--project", "herons");
        Run created = inProcess(
                env,
                "tools",
                "call",
                "CREATE_IMAGE_ANNOTATION_TASK",
                "--json",
                "{\"project\":\"herons\",\"batch\":\"herons-1\",\"attachment\":\"https://example.com/h.png\","
                        + "\"geometries\":{\"box\":{\"objects_to_annotate\":[\"heron\"]}}}");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String taskId =
                ScaleJson.mapper().readTree(created.out()).at("/data/task_id").asString();

        List<String[]> commands = List.of(
                new String[] {"projects", "list"},
                new String[] {"projects", "list", "-o", "jsonl", "--fields", "name"},
                new String[] {"projects", "get", "herons"},
                new String[] {"batches", "list"},
                new String[] {"batches", "get", "herons-1"},
                new String[] {"batches", "status", "herons-1"},
                new String[] {"tasks", "list", "--project", "herons"},
                new String[] {"tasks", "get", taskId},
                new String[] {"tools", "list"},
                new String[] {"tools", "list", "--profile", "core"},
                new String[] {"--version"},
                // errors: Scale's (exit 1), usage (exit 2)
                new String[] {"tasks", "get", "000000000000000000000000"},
                new String[] {"tasks", "get"},
                new String[] {"tasks", "list", "--status", "done"},
                new String[] {"projects", "list", "--bogus"});
        int before = server.served();
        for (String[] command : commands) {
            Run resident = child(env, List.of(), command);
            assertThat(resident.loadedCli())
                    .as(String.join(" ", command) + " took the resident path")
                    .isFalse();
            Run expected = inProcess(env, command);
            assertThat(resident.out()).as(String.join(" ", command)).isEqualTo(expected.out());
            assertThat(resident.err()).as(String.join(" ", command)).isEqualTo(expected.err());
            assertThat(resident.exitCode()).as(String.join(" ", command)).isEqualTo(expected.exitCode());
            for (String heavy : HEAVY) {
                assertThat(resident.classes())
                        .as(String.join(" ", command) + " loads " + heavy)
                        .noneMatch(l -> l.contains("] " + heavy));
            }
        }
        assertThat(server.served() - before).isEqualTo(commands.size());
        assertThat(inProcess(env, "tasks", "get", "000000000000000000000000").exitCode())
                .isEqualTo(1);
        assertThat(inProcess(env, "tasks", "get").exitCode()).isEqualTo(2);
    }

    @Test
    void whatTheServerCannotServeRunsInTheClientsJvm() throws Exception {
        Map<String, String> env = env(home);
        Run expected = inProcess(env, "projects", "list");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("SCALE_RESIDENT=0", with(env, "SCALE_RESIDENT", "0"), List.of()));
        cases.add(new Case("SCALE_JAVA_OPTS set", with(env, "SCALE_JAVA_OPTS", "-Dx=y"), List.of()));
        cases.add(new Case("another build", env, List.of("-cp", classPath() + File.pathSeparator + dir)));
        cases.add(new Case("another locale", env, List.of("-Duser.language=de", "-Duser.country=DE")));

        // a state file whose pid is alive but that offers no socket
        Path noSocket = dir.resolve("no-socket");
        Files.createDirectories(noSocket);
        writeState(noSocket, ProcessHandle.current().pid());
        cases.add(new Case("no socket", with(env, "SCALE_HOME", noSocket.toString()), List.of()));

        // a socket file nobody listens on (a scale up killed with SIGKILL), pid alive
        Path staleSocket = dir.resolve("stale-socket");
        Files.createDirectories(staleSocket);
        writeState(staleSocket, ProcessHandle.current().pid());
        leaveStaleSocket(Thin.socket(staleSocket, ProcessHandle.current().pid()));
        cases.add(new Case("stale socket", with(env, "SCALE_HOME", staleSocket.toString()), List.of()));

        // the recorded process is gone, its socket file left behind
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path deadPid = dir.resolve("dead-pid");
        Files.createDirectories(deadPid);
        writeState(deadPid, gone.pid());
        leaveStaleSocket(Thin.socket(deadPid, gone.pid()));
        cases.add(new Case("dead pid", with(env, "SCALE_HOME", deadPid.toString()), List.of()));

        // a socket that takes the connection but never answers (a stuck server): the client gives up and runs it
        Path silent = dir.resolve("silent");
        Files.createDirectories(silent);
        writeState(silent, ProcessHandle.current().pid());
        ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        mute.bind(UnixDomainSocketAddress.of(
                Thin.socket(silent, ProcessHandle.current().pid())));
        cases.add(new Case(
                "a server that never answers",
                with(env, "SCALE_HOME", silent.toString()),
                List.of("-Dscale.resident.answer-timeout-ms=200")));

        int before = server.served();
        try (mute) {
            assertEveryCaseRanItself(cases, expected);
        }
        assertThat(server.served()).as("no run was served").isEqualTo(before);
    }

    private void assertEveryCaseRanItself(List<Case> cases, Run expected) throws Exception {
        for (Case c : cases) {
            Run run = child(c.env(), c.jvm(), "projects", "list");
            assertThat(run.loadedCli())
                    .as(c.what() + ": the client ran the command itself")
                    .isTrue();
            assertThat(run.exitCode()).as(c.what() + ": " + run.err()).isEqualTo(expected.exitCode());
            assertThat(run.out()).as(c.what()).isEqualTo(expected.out());
        }
    }

    private record Case(String what, Map<String, String> env, List<String> jvm) {}

    @Test
    void mcpIsServedUntilTheClientsInputCloses() {
        Map<String, String> env = env(home);
        env.remove("PATH"); // the MCP client adds the variables to its own environment
        int before = server.served();
        McpSyncClient client = McpClients.stdio(Thin.class.getName(), List.of("mcp"), env, null);
        try {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(51);
            assertThat(server.served() - before)
                    .as("served by the resident server")
                    .isEqualTo(1);
            assertThat(server.sessions()).isEqualTo(1);
        } finally {
            client.closeGracefully(); // closes the child's stdin
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.sessions() == 0);
    }

    @Test
    void aKilledMcpClientEndsItsSessionInTheServer() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath(),
                Thin.class.getName(),
                "mcp"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env(home));
        int before = server.served();
        Process p = pb.start();
        try {
            send(
                    p.getOutputStream(),
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
                            + "\"version\":\"1\"}}}");
            java.io.BufferedReader answers = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(answers.readLine()).contains("\"id\":1");
            assertThat(server.served() - before).isEqualTo(1);
            assertThat(server.sessions()).isEqualTo(1);
        } finally {
            p.destroyForcibly(); // SIGKILL: no end of input is sent, the connection just closes
            p.waitFor(60, TimeUnit.SECONDS);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.sessions() == 0);
    }

    @Test
    void mcpToolsTakeRelativePathsFromTheClientsDirectory() throws Exception {
        Map<String, String> env = env(home);
        inProcess(env, "projects", "create", "storks", "--type", "imageannotation");
        Path clientDir = Files.createDirectories(dir.resolve("client-dir"));
        java.io.PipedOutputStream toClient = new java.io.PipedOutputStream();
        java.io.PipedInputStream clientIn = new java.io.PipedInputStream(toClient, 1 << 16);
        java.io.PipedInputStream fromClient = new java.io.PipedInputStream(1 << 20);
        java.io.PipedOutputStream clientOut = new java.io.PipedOutputStream(fromClient);
        java.util.concurrent.CompletableFuture<Integer> exit =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> Thin.run(
                        new String[] {"mcp"},
                        env,
                        clientIn,
                        clientOut,
                        OutputStream.nullOutputStream(),
                        false,
                        clientDir.toString()));
        java.io.BufferedReader answers = new java.io.BufferedReader(
                new java.io.InputStreamReader(fromClient, java.nio.charset.StandardCharsets.UTF_8));
        send(
                toClient,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(answers.readLine()).contains("\"id\":1");
        send(toClient, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(
                toClient,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"SCALE_AI_EXPORT_RESULTS\",\"arguments\":{\"project\":\"storks\",\"output_path\":\"storks.jsonl\"}}}");
        assertThat(answers.readLine())
                .contains("\"id\":2")
                .contains(clientDir.resolve("storks.jsonl").toString());
        assertThat(clientDir.resolve("storks.jsonl")).exists();
        toClient.close(); // end of input: the session ends and the client exits 0
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.sessions() == 0);
    }

    private static void send(OutputStream to, String json) throws IOException {
        to.write((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        to.flush();
    }

    @Test
    void hostileConnectionsAreClosedAndTheServerServesOn() throws IOException {
        // an unknown frame type, a length beyond any limit, a request that does not decode, a truncated header
        byte[][] attacks = {
            {'Q', 0, 0, 0, 1, 7},
            {Frames.REQUEST, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {Frames.REQUEST, 0, 0, 0, 4, 1, 2, 3, 4},
            {Frames.REQUEST, 0, 0}
        };
        for (byte[] attack : attacks) {
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
                c.write(ByteBuffer.wrap(attack));
                if (attack.length < 5) {
                    c.shutdownOutput();
                }
                assertThat(c.read(ByteBuffer.allocate(16)))
                        .as("closed without an answer")
                        .isEqualTo(-1);
            }
        }
        // a request for a command that is not served (it reads stdin and writes the gateway) is declined
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            byte[] request = new Frames.Request(
                            Identity.build(),
                            Identity.platform(),
                            "",
                            "",
                            "/",
                            false,
                            List.of("connections", "add", "x"),
                            Map.of())
                    .encode();
            OutputStream out = Frames.out(c);
            Frames.write(out, Frames.REQUEST, request, 0, request.length);
            Frames.Frame answer = Frames.read(new java.io.DataInputStream(Frames.in(c)), Frames.MAX_DATA);
            assertThat(answer.type()).isEqualTo(Frames.DECLINED);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.sessions() == 0);
        Run after = child(env(home), List.of(), "--version");
        assertThat(after.loadedCli()).isFalse();
        assertThat(after.out()).startsWith("scale-toolkit ");
    }

    @Test
    void beyondTheSessionLimitClientsAreDeclinedAndRunTheCommandThemselves() throws IOException {
        // silent connections hold their sessions for as long as this test needs (not the usual 10 s)
        server.close();
        server = ResidentServer.start(home, ProcessHandle.current().pid(), Duration.ofHours(1));
        List<SocketChannel> idle = new ArrayList<>();
        try {
            for (int i = 0; i < ResidentServer.MAX_SESSIONS; i++) {
                idle.add(SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))); // connected, silent
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> server.sessions() == ResidentServer.MAX_SESSIONS);
            try (SocketChannel one = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
                Frames.Frame answer = Frames.read(new java.io.DataInputStream(Frames.in(one)), Frames.MAX_DATA);
                assertThat(answer.type()).isEqualTo(Frames.DECLINED);
            }
            assertThat(Thin.run(
                            new String[] {"--version"},
                            env(home),
                            InputStream.nullInputStream(),
                            OutputStream.nullOutputStream(),
                            OutputStream.nullOutputStream(),
                            false,
                            "/"))
                    .as("not served: the caller runs it")
                    .isEqualTo(Thin.NOT_SERVED);
        } finally {
            for (SocketChannel c : idle) {
                c.close();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.sessions() == 0);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(Thin.run(
                        new String[] {"--version"},
                        env(home),
                        InputStream.nullInputStream(),
                        out,
                        OutputStream.nullOutputStream(),
                        false,
                        "/"))
                .isZero();
        assertThat(out.toString(Charset.defaultCharset())).startsWith("scale-toolkit ");
    }

    @Test
    void aConnectionThatSendsNothingIsDropped() throws IOException {
        server.close();
        server = ResidentServer.start(home, ProcessHandle.current().pid(), Duration.ofMillis(100));
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            assertThat(silent.read(ByteBuffer.allocate(16)))
                    .as("closed by the server")
                    .isEqualTo(-1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.sessions() == 0);
    }

    @Test
    void theSocketIsTheOwnersOnlyAndGoesAwayWithTheServer() throws IOException {
        Path socket = server.socket();
        assertThat(socket).isEqualTo(Thin.socket(home, ProcessHandle.current().pid()));
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        server.close();
        assertThat(socket).doesNotExist();
        assertThat(Thin.run(
                        new String[] {"--version"},
                        env(home),
                        InputStream.nullInputStream(),
                        OutputStream.nullOutputStream(),
                        OutputStream.nullOutputStream(),
                        false,
                        "/"))
                .isEqualTo(Thin.NOT_SERVED);
    }

    @Test
    void scaleUpServesShortCommandsFoundThroughItsStateFile() throws Exception {
        server.close(); // this test's own: the one scale up starts
        Path upHome = dir.resolve("up-home");
        StringWriter printed = new StringWriter();
        CommandLine up = ScaleCli.commandLine(Map.of("SCALE_HOME", upHome.toString())::get);
        up.setOut(new PrintWriter(printed, true));
        up.setErr(new PrintWriter(new StringWriter(), true));
        Thread running = new Thread(
                () -> up.execute(
                        "up", "--port", "0", "--data", dir.resolve("data").toString(), "--no-workforce"),
                "resident-up");
        running.start();
        Path socket = Thin.socket(upHome, ProcessHandle.current().pid());
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(socket));
            Map<String, String> env = env(upHome);
            env.remove("SCALE_API_KEY");
            env.remove("SCALE_BASE_URL");
            inProcess(env, "projects", "create", "egrets", "--type", "categorization");
            Run resident = child(env, List.of(), "projects", "list");
            assertThat(resident.loadedCli()).isFalse();
            assertThat(resident.out()).contains("egrets");
            Run expected = inProcess(env, "projects", "list");
            assertThat(resident.out()).isEqualTo(expected.out());
            assertThat(resident.err()).isEqualTo(expected.err());
        } finally {
            running.interrupt();
            running.join(60_000);
        }
        assertThat(socket).as("scale up removes its socket when it stops").doesNotExist();
    }

    // --- helpers

    private Map<String, String> env(Path scaleHome) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        // the child's locale and charset as this JVM's (the server declines other platform settings)
        System.getenv().forEach((k, v) -> {
            if (k.equals("LANG") || k.startsWith("LC_") || k.equals("TZ")) {
                env.put(k, v);
            }
        });
        env.put("SCALE_HOME", scaleHome.toString());
        env.put("SCALE_API_KEY", scale.liveKey());
        env.put("SCALE_BASE_URL", scale.apiUrl());
        return env;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    private static void writeState(Path home, long pid) throws IOException {
        Files.writeString(
                home.resolve("emulator.json"), "{\n  \"url\" : \"http://127.0.0.1:1\",\n  \"pid\" : " + pid + "\n}\n");
    }

    /** A socket file with nobody listening, as a killed process leaves it. */
    private static void leaveStaleSocket(Path socket) throws IOException {
        try (ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
    }

    /** What one run printed, and for a child which classes it loaded. */
    private record Run(int exitCode, String out, String err, List<String> classes) {
        boolean loadedCli() {
            return classes.stream().anyMatch(l -> l.contains(" " + ScaleCli.class.getName() + " "));
        }
    }

    private static Run inProcess(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(env::get, false, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString(), List.of());
    }

    /** {@code scale args...} through the thin client in a child JVM, as the jar's main class runs it. */
    private Run child(Map<String, String> env, List<String> jvm, String... args) {
        try {
            Path classes = Files.createTempFile(dir, "classes", ".log");
            Path stdout = Files.createTempFile(dir, "out", ".txt");
            Path stderr = Files.createTempFile(dir, "err", ".txt");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            command.add("-Xlog:class+load=info:file=" + classes);
            if (!jvm.contains("-cp")) {
                command.addAll(List.of("-cp", classPath()));
            }
            command.addAll(jvm);
            command.add(Thin.class.getName());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " did not finish");
            }
            Charset charset = Charset.defaultCharset(); // the child's: the same platform settings
            return new Run(
                    p.exitValue(),
                    new String(Files.readAllBytes(stdout), charset),
                    new String(Files.readAllBytes(stderr), charset),
                    Files.readAllLines(classes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** This JVM's class path with absolute entries (the build identity the server compares). */
    private static String classPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, out);
    }
}
