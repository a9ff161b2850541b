package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scaletoolkit.model.ScaleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Hostile traffic against a running {@code scale up} (the v1 API, the control plane and MCP on one port):
 * generated methods, paths, queries, headers, content types and bodies, sent on raw sockets so that malformed
 * requests arrive as written. Every answer must be below 500 and come within 5 s, every v1 error must be Scale's
 * {@code {"status_code", "error"}}, no answer and no log line may carry a stack trace, and the server must answer
 * afterwards.
 *
 * <p>10,000 requests by default; {@code -Djqwik.tries.default=100000} runs 100,000. jqwik prints the seed of a
 * failing run and replays it first on the next run; each failure message also holds the exact request.
 */
class HostileFuzzTest {
    private static final String HUGE = "9223372036854775808";
    private static Thread up;
    private static int port;
    private static String liveKey;
    private static String testKey;
    private static String mcpToken;
    private static String taskId;
    private static Path data;
    private static ListAppender<ILoggingEvent> logs;

    @BeforeContainer
    static void start() throws IOException {
        logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        // One INFO line per refused request is right for a person; ten thousand of them would bury the build log.
        ((Logger) LoggerFactory.getLogger("dev.scaletoolkit.emulator.requests")).setLevel(Level.WARN);

        data = Files.createTempDirectory("scale-fuzz");
        StringWriter out = new StringWriter();
        CommandLine cli =
                ScaleCli.commandLine(Map.of("SCALE_HOME", data.resolve("home").toString())::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        up = new Thread(
                () -> cli.execute(
                        "up", "--port", "0", "--data", data.resolve("d").toString(), "--workforce-delay", "50ms"),
                "scale-up-fuzz");
        up.start();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> out.toString().contains("Listening on port: "));
        String banner = out.toString();
        port = Integer.parseInt(find(banner, "Listening on port: (\\d+)"));
        liveKey = find(banner, "Live API key +(\\S+)");
        testKey = find(banner, "Test API key +(\\S+)");
        mcpToken = find(banner, "MCP token +(\\S+)");

        send("POST", "/v1/projects", json(liveKey), "{\"type\":\"imageannotation\",\"name\":\"p1\"}");
        send("POST", "/v1/batches", json(liveKey), "{\"project\":\"p1\",\"name\":\"b1\"}");
        RawHttp.Response task = send(
                "POST",
                "/v1/task/imageannotation",
                json(liveKey),
                "{\"project\":\"p1\",\"batch\":\"b1\",\"attachment\":\"https://example.com/a.jpg\","
                        + "\"geometries\":{\"box\":{\"objects_to_annotate\":[\"car\"]}}}");
        taskId = ScaleJson.mapper().readTree(task.body()).path("task_id").asString();
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            RawHttp.Response health = send("GET", "/_emulator/health", "", null);
            assertThat(health.status()).as("the server still answers").isEqualTo(200);
            List<String> traces = new ArrayList<>();
            for (ILoggingEvent e : List.copyOf(logs.list)) {
                if (e.getThrowableProxy() != null || e.getFormattedMessage().contains("\tat ")) {
                    var t = e.getThrowableProxy();
                    traces.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (t == null ? "" : " <- " + t.getClassName() + ": " + t.getMessage()));
                }
            }
            assertThat(traces).as("log lines with a stack trace").isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            up.interrupt();
            up.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** One generated request. */
    record Req(String method, String path, String query, List<String> headers, String body) {
        String head(int port) {
            StringBuilder b = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(query.isEmpty() ? "" : "?" + query)
                    .append(" HTTP/1.1\r\n");
            boolean hasHost = false;
            for (String h : headers) {
                hasHost |= h.regionMatches(true, 0, "Host:", 0, 5);
                b.append(h.replace("{port}", Integer.toString(port))).append("\r\n");
            }
            if (!hasHost) {
                b.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                b.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            return b.append("Connection: close\r\n\r\n").toString();
        }

        @Override
        public String toString() {
            String shown = body == null ? "<none>" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + headers + " body=" + shown;
        }
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void noRequestBreaksTheServer(@ForAll("requests") Req req) throws IOException {
        RawHttp.Response r = RawHttp.send(port, req.head(port), bytes(req.body()), 10_000);
        String what = req + "\n  -> " + r;
        assertThat(r.status()).as("status of %s", what).isBetween(100, 499);
        assertThat(r.millis()).as("time of %s", what).isLessThan(5_000);
        assertThat(r.body())
                .as("stack trace in %s", what)
                .doesNotContain("\tat ")
                .doesNotContain("stackTrace")
                .doesNotContain("Exception");
        if (req.path().startsWith("/v1") && r.status() >= 400 && !req.method().equals("HEAD")) {
            JsonNode json = ScaleJson.mapper().readTree(r.body());
            assertThat(json.path("status_code").asInt())
                    .as("status_code of %s", what)
                    .isEqualTo(r.status());
            assertThat(json.path("error").isString()).as("error of %s", what).isTrue();
            assertThat(json.path("error").asString()).as("error of %s", what).isNotBlank();
        }
        if (req.path().equals("/_emulator/faults") && req.method().equals("POST") && r.status() == 200) {
            // A fault the fuzzer injected would fail the next requests on purpose: clear it at once.
            send("DELETE", "/_emulator/faults", "", null);
        }
    }

    // ---- generators ----

    private static final List<String> ROUTES = List.of(
            "/v1/tasks",
            "/v1/task/{task_id}",
            "/v1/task/{type}",
            "/v1/task/{task_id}/cancel",
            "/v1/task/{task_id}/tags",
            "/v1/task/{task_id}/setMetadata",
            "/v1/task/{task_id}/unique_id",
            "/v1/task/{task_id}/audit",
            "/v1/task/{task_id}/send_callback",
            "/v1/task/{task_id}/send-callback",
            "/v1/task/{task_id}/response_url/{uuid}",
            "/v1/batches",
            "/v1/batches/{name}",
            "/v1/batches/{name}/status",
            "/v1/batches/{name}/finalize",
            "/v1/batches/{name}/prioritize",
            "/v1/batches/{name}/setMetadata",
            "/v1/projects",
            "/v1/projects/{name}",
            "/v1/projects/{name}/taskTemplates",
            "/v1/projects/{name}/setParams",
            "/v1/projects/{name}/setOntology",
            "/v1/files",
            "/v1/files/{id}",
            "/v1/files/{id}/content",
            "/v1/files/import",
            "/v1/files/upload",
            "/v1/teams",
            "/v1/teams/invite",
            "/v1/teams/set_role",
            "/v1/audits",
            "/v1/quality/labelers",
            "/v1/studio/assignments",
            "/v1/studio/assignments/add",
            "/v1/studio/assignments/remove",
            "/v1/studio/batches",
            "/v1/studio/batches/{name}",
            "/v1/studio/batches/set_priorities",
            "/v1/studio/batches/reset_priorities",
            "/v1/studio/projects/{name}/groups",
            "/v1/studio/projects/{name}/groups/{name}",
            "/v1",
            "/v1/nowhere",
            "/_emulator/health",
            "/_emulator/accounts",
            "/_emulator/seed",
            "/_emulator/tasks/{task_id}/complete",
            "/_emulator/tasks/{task_id}/fail",
            "/_emulator/callbacks",
            "/_emulator/faults",
            "/_emulator/workforce",
            "/_emulator/teams/accept",
            "/_emulator/requests",
            "/_emulator/nowhere",
            "/mcp",
            "/mcp",
            "/mcp",
            "/",
            "/x");

    @Provide
    Arbitrary<Req> requests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("GET")),
                net.jqwik.api.Tuple.of(8, Arbitraries.just("POST")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("PUT", "DELETE")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("PATCH", "OPTIONS", "HEAD", "TRACE", "get", "FOO")));
        Arbitrary<String> path = Combinators.combine(Arbitraries.of(ROUTES), segment(), segment(), mutation())
                .as((t, a, b, m) -> m.apply(t.replace("{task_id}", a)
                        .replace("{type}", Math.abs(a.hashCode()) % 2 == 0 ? "imageannotation" : a)
                        .replace("{uuid}", b)
                        .replace("{id}", b)
                        .replace("{name}", a.equals(taskId) ? "b1" : a)));
        return Combinators.combine(method, path, query(), headers(), body()).as(Req::new);
    }

    /** A path parameter: a real id most of the time, else something awkward. */
    private Arbitrary<String> segment() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(taskId)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("b1", "p1", "imageannotation", "categorization")),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                "%FF%FE", "%zz", "%2F", "..", "%2e%2e", "a%00b", "%C3%A9t%C3%A9", "~", "%", "+")),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.strings().alpha().numeric().ofMaxLength(30)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('!', '~')
                                .ofMaxLength(20)
                                .map(s -> s.replace("?", "%3F")
                                        .replace("#", "%23")
                                        .replace(" ", "%20"))));
    }

    private interface Mutation extends java.util.function.UnaryOperator<String> {}

    private Arbitrary<Mutation> mutation() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just((Mutation) p -> p)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Mutation) p -> p + "/")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Mutation) p -> p.replaceFirst("/", "//"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Mutation) p -> p + "/%2e%2e/%2e%2e/etc/passwd")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Mutation) p -> p.toUpperCase(java.util.Locale.ROOT))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Mutation) p -> p + "/" + "a".repeat(3000))));
    }

    private Arbitrary<String> query() {
        Arbitrary<String> key = Arbitraries.of(
                "limit",
                "offset",
                "next_token",
                "status",
                "project",
                "batch",
                "start_time",
                "updated_after",
                "task_id",
                "cursor",
                "since",
                "method",
                "path_prefix",
                "type",
                "tags[]",
                "include_attachment_url",
                "x");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "10",
                        "-1",
                        "0",
                        "100000",
                        HUGE,
                        "true",
                        "completed",
                        "p1",
                        "b1",
                        "%ff",
                        "%zz",
                        "2026-01-01",
                        "yesterday",
                        "%E2%9C%93",
                        "a,b,c",
                        "null"),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12));
        Arbitrary<String> pair = Combinators.combine(key, value).as((k, v) -> k + "=" + v);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(4, pair.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("&", l))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("%", "&&&", "=", "a=%", "x=" + "q".repeat(9000))));
    }

    private Arbitrary<List<String>> headers() {
        Arbitrary<String> auth = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("Authorization: Basic " + basic(liveKey))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("Authorization: Bearer " + testKey)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("Authorization: Bearer " + mcpToken)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "Authorization: Basic !!!",
                                "Authorization: Bearer",
                                "X-No: auth",
                                "Authorization: Basic " + basic("live_0000000000000000"))));
        Arbitrary<String> type = Arbitraries.of(
                "Content-Type: application/json",
                "Content-Type: application/json",
                "Content-Type: application/json",
                "Content-Type: application/json; charset=bogus",
                "Content-Type: application/json; charset=utf-16",
                "Content-Type: text/plain",
                "Content-Type: multipart/form-data",
                "Content-Type: multipart/form-data; boundary=xyz",
                "Content-Type: application/x-www-form-urlencoded",
                "Content-Type: ;;;",
                "X-No: type");
        Arbitrary<String> extra = Arbitraries.of(
                "X-No: extra",
                "X-No: extra",
                "X-No: extra",
                "X-No: extra",
                "Origin: http://attacker.example",
                "Origin: null",
                "Origin: http://localhost:3000",
                "Host: attacker.example",
                "Host: localhost:{port}",
                "Accept: application/json, text/event-stream",
                "Accept: text/event-stream",
                "Mcp-Session-Id: nope",
                "X-Request-Id: ../../etc",
                "Expect: 100-continue",
                "Transfer-Encoding: gzip",
                "Content-Encoding: gzip");
        return Combinators.combine(auth, type, extra).as(List::of);
    }

    private Arbitrary<String> body() {
        Arbitrary<String> field = Arbitraries.of(
                "name",
                "project",
                "type",
                "batch",
                "attachment",
                "callback_url",
                "callback",
                "priority",
                "unique_id",
                "metadata",
                "tags",
                "status",
                "latency_ms",
                "times",
                "delay_ms",
                "enabled",
                "keep_accounts",
                "accounts",
                "emails",
                "limit",
                "jsonrpc",
                "method",
                "id",
                "params",
                "geometries",
                "file_url",
                "response",
                "error");
        Arbitrary<String> value = Arbitraries.of(
                "null",
                "true",
                "0",
                "-1",
                HUGE,
                "-" + HUGE,
                "1e400",
                "4294967696",
                "\"\"",
                "\"p1\"",
                "\"b1\"",
                "\"http://169.254.169.254/latest/meta-data/\"",
                "\"HTTPS://example.com/x\"",
                "\"not a url\"",
                "[]",
                "{}",
                "[\"a\",1,null]",
                "{\"box\":{\"objects_to_annotate\":[\"car\"]}}",
                "\"" + "x".repeat(2000) + "\"",
                "\"\\u0000\\ud800\"",
                "\"2.0\"",
                "\"tools/list\"",
                "\"initialize\"",
                "500");
        Arbitrary<String> object = Combinators.combine(field, value)
                .as((f, v) -> "\"" + f + "\":" + v)
                .list()
                .ofMaxSize(6)
                .map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(8, object),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                "",
                                "null",
                                "42",
                                "\"s\"",
                                "[]",
                                "[{}]",
                                "{",
                                "{\"a\":",
                                "}",
                                "project=%zz",
                                "name=a&name[]=b",
                                "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--",
                                "[".repeat(3000),
                                "{\"a\":".repeat(600) + "1" + "}".repeat(600))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("name=" + "a".repeat(210_000))));
    }

    // ---- helpers ----

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    private static String basic(String key) {
        return Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> json(String key) {
        return List.of("Authorization: Basic " + basic(key), "Content-Type: application/json");
    }

    private static RawHttp.Response send(String method, String path, Object headers, String body) throws IOException {
        @SuppressWarnings("unchecked")
        List<String> h = headers instanceof List<?> l ? (List<String>) l : List.of("Content-Type: application/json");
        Req req = new Req(method, path, "", h, body);
        return RawHttp.send(port, req.head(port), bytes(body), 10_000);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("not found: " + regex + " in\n" + text);
        }
        return m.group(1);
    }
}
