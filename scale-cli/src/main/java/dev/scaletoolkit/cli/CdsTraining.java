package dev.scaletoolkit.cli;

import dev.scaletoolkit.cli.resident.Thin;
import dev.scaletoolkit.gateway.GatewayHome;
import dev.scaletoolkit.mcp.ScaleMcpServer;
import dev.scaletoolkit.tools.Profile;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The training run behind the class-data sharing archive that {@code ./scale} makes once per build: the launcher
 * runs this under {@code -XX:ArchiveClassesAtExit}, so the classes that {@code scale up}, a CLI command against a
 * running emulator and {@code scale mcp} load are stored pre-parsed and later starts map them instead of loading
 * them from the jar. It does what those commands do (on a temporary data directory and a free port) and exits.
 */
public final class CdsTraining {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");

    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("scale-cds");
        try {
            train(data);
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void train(Path data) throws Exception {
        // scale up, as the launcher runs it
        CompletableFuture<Integer> port = new CompletableFuture<>();
        // A home of its own: in the user's $SCALE_HOME, this throwaway emulator would replace the 'emulator'
        // connection and the state file of the one they are running, and leave both pointing at a dead port.
        String home = data.resolve("home").toString();
        Function<String, String> env = name -> GatewayHome.ENV.equals(name) ? home : null;
        CommandLine up = ScaleCli.commandLine(env);
        up.setOut(new PrintWriter(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                line.append(buf, off, len);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        }));
        Thread server = new Thread(
                () -> up.execute("up", "--port", "0", "--data", data.toString(), "--no-workforce"), "cds-up");
        server.start();
        int p = port.get(120, TimeUnit.SECONDS);
        String portArg = Integer.toString(p);

        // commands against the running emulator
        for (String[] command : new String[][] {
            {"projects", "create", "cds_training", "--type", "categorization"},
            {"projects", "list"},
            {"batches", "list"},
            {"batches", "create", "cds_batch", "--project", "cds_training"},
            {"batches", "status", "cds_batch"},
            {"tasks", "list", "--limit", "5"},
            {"tasks", "get", "000000000000000000000000"},
            {"tools", "call", "SCALE_AI_LIST_PROJECTS", "--json", "{}"},
            // a wrong argument: the JSON-Schema validator words the problem (plain arguments skip it)
            {"tools", "call", "SCALE_AI_LIST_TASKS", "--json", "{\"limit\":0}"}
        }) {
            quietly(env, command, portArg, data);
        }
        // no flags: the target is the default connection 'scale up' registered in the training home
        quietly(env, new String[] {"projects", "list"}, null, null);
        quietly(env, new String[] {"tools", "list"}, null, null);
        quietly(env, new String[] {"tasks", "list"}, null, null);
        quietly(env, new String[] {"--help"}, null, null);
        quietly(env, new String[] {"--version"}, null, null);

        // scale mcp: initialize and list tools over a pipe
        String key = dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .readTree(Files.readString(data.resolve("credentials.json")))
                .path("live_key")
                .asString();
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        McpSyncServer mcp = ScaleMcpServer.stdio(
                dev.scaletoolkit.tools.ToolRegistry.load(
                        dev.scaletoolkit.tools.backend.ScaleBackend.http("http://127.0.0.1:" + p + "/v1", key)),
                Profile.parse("full"),
                serverIn,
                serverOut);
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        send(
                toServer,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cds\",\"version\":\"1\"}}}");
        answers.readLine();
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        answers.readLine();
        send(
                toServer,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"SCALE_AI_LIST_PROJECTS\",\"arguments\":{}}}");
        answers.readLine();
        mcp.closeGracefully();
        // logback starts only when something is logged (LazyLogbackProvider): load it here, so the first warning
        // of a later run does not read it from the jar
        LazyLogbackProvider.context();

        // the thin client handing commands to this scale up (cli.resident): both sides' classes
        Map<String, String> thinEnv = Map.of(GatewayHome.ENV, home);
        for (String[] command : new String[][] {{"projects", "list"}, {"tasks", "list"}, {"--version"}}) {
            Thin.run(
                    command,
                    thinEnv,
                    InputStream.nullInputStream(),
                    OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream(),
                    false,
                    System.getProperty("user.dir"));
        }
        thinMcp(thinEnv);

        server.interrupt();
        server.join(60_000);
    }

    /** {@code scale mcp} through the thin client: initialize, list the tools, end of input. */
    private static void thinMcp(Map<String, String> env) throws Exception {
        PipedOutputStream toClient = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(toClient, 1 << 16);
        PipedInputStream fromClient = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(fromClient);
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> Thin.run(
                new String[] {"mcp"},
                env,
                clientIn,
                clientOut,
                OutputStream.nullOutputStream(),
                false,
                System.getProperty("user.dir")));
        // not served (no socket): the client's output ends, so the reads below return instead of waiting
        done.whenComplete((code, e) -> {
            try {
                clientOut.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromClient, StandardCharsets.UTF_8));
        send(
                toClient,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cds\",\"version\":\"1\"}}}");
        answers.readLine();
        send(toClient, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(toClient, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        answers.readLine();
        toClient.close();
        done.get(60, TimeUnit.SECONDS);
    }

    private static void send(PipedOutputStream to, String json) throws IOException {
        to.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        to.flush();
    }

    private static void quietly(Function<String, String> env, String[] command, String port, Path data) {
        String[] args = command;
        if (port != null) {
            args = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(command),
                            java.util.stream.Stream.of("--port", port, "--data", data.toString()))
                    .toArray(String[]::new);
        }
        // the command line main() makes: only the subcommand that runs is built
        CommandLine cli = ScaleCli.commandLine(env, false, args);
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute(args);
    }
}
