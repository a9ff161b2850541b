package dev.scaletoolkit.cli;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code scale callbacks listen}: a throwaway receiver that prints every callback it gets. */
@Command(
        name = "callbacks",
        mixinStandardHelpOptions = true,
        description = "Work with task callbacks.",
        subcommands = {CallbacksCommand.Listen.class})
final class CallbacksCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "listen",
            mixinStandardHelpOptions = true,
            description =
                    "Listen on 127.0.0.1 for callbacks and print each one. Answers 200 when the scale-callback-auth header matches --auth (or always, without --auth), 401 otherwise, so you can watch retries.")
    static final class Listen implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", defaultValue = "9000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--auth", description = "Expected scale-callback-auth value (or env SCALE_CALLBACK_AUTH).")
        String auth;

        @Option(
                names = "--forward-to",
                paramLabel = "URL",
                description = "Also POST each accepted callback, headers and body as received, to this URL (your"
                        + " app), and answer with its status.")
        String forwardTo;

        @Option(
                names = "--allow-host",
                paramLabel = "HOST",
                description = "Let --forward-to reach HOST (an address, HOST:PORT, a range such as 10.0.0.0/8, or"
                        + " private); loopback is always allowed (repeatable).")
        java.util.List<String> allowHosts;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String expected = auth != null ? auth : ScaleCli.env(spec).apply("SCALE_CALLBACK_AUTH");
            java.io.PrintWriter out = spec.commandLine().getOut();
            CallbackForwarder forwarder = forwardTo == null
                    ? null
                    : CallbackForwarder.to(spec, forwardTo, AllowHostOption.parse(spec, allowHosts));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String got = exchange.getRequestHeaders().getFirst("scale-callback-auth");
                boolean ok = expected == null
                        || (got != null
                                && MessageDigest.isEqual(
                                        got.getBytes(StandardCharsets.UTF_8),
                                        expected.getBytes(StandardCharsets.UTF_8)));
                out.println(describe(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body, ok));
                int status = ok ? 200 : 401;
                if (ok && forwarder != null) {
                    status = forwarder.forward(body, got, out);
                }
                out.flush();
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            out.println("Listening for callbacks on http://127.0.0.1:"
                    + server.getAddress().getPort() + "/");
            out.flush();
            new CountDownLatch(1).await();
            return 0;
        }

        private static String describe(String method, String path, byte[] body, boolean ok) {
            String text = new String(body, StandardCharsets.UTF_8);
            String summary;
            try {
                JsonNode json = ScaleJson.mapper().readTree(text);
                String status = json.path("status")
                        .asString(json.path("task").path("status").asString("?"));
                summary = json.has("batch_name")
                        ? "batch " + json.path("batch_name").asString() + " is " + status
                        : "task " + json.path("task_id").asString("?") + " is " + status;
                text = ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
            } catch (RuntimeException notJson) {
                summary = "non-JSON body";
            }
            return "<- " + method + " " + path + ": " + summary + (ok ? "" : " (REJECTED: wrong scale-callback-auth)")
                    + System.lineSeparator() + text;
        }
    }
}
