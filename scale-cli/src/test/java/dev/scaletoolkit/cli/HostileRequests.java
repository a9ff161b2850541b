package dev.scaletoolkit.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What {@link HostileFuzzTest} sends: every route of {@code /v1}, {@code /_emulator} and {@code /mcp} with real
 * and awkward path parameters, mutated paths, junk and edge-case queries, right and wrong keys, content types,
 * hosts and origins, and bodies from valid JSON with hostile values to bytes that are not JSON at all.
 */
final class HostileRequests {
    static final String HUGE = "9223372036854775808";

    private final String taskId;
    private final String liveKey;
    private final String testKey;
    private final String mcpToken;

    HostileRequests(String taskId, String liveKey, String testKey, String mcpToken) {
        this.taskId = taskId;
        this.liveKey = liveKey;
        this.testKey = testKey;
        this.mcpToken = mcpToken;
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

    static final List<String> ROUTES = List.of(
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
            "/callbacks/emulator",
            "/callbacks/emulator",
            "/callbacks/{name}",
            "/metrics",
            "/sign-in",
            "/sign-in-links",
            "/dashboard",
            "/dashboard/tasks",
            "/dashboard/tasks/{task_id}",
            "/projects",
            "/batches/{name}",
            "/queue",
            "/queue/next",
            "/queue/skip",
            "/review/{task_id}",
            "/tasks/{task_id}",
            "/static/{name}",
            "/",
            "/x");

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

    static String basic(String key) {
        return Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
