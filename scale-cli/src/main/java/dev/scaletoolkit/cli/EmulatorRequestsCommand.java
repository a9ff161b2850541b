package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code scale emulator requests}: what a running emulator was sent, from its request journal. */
@Command(
        name = "requests",
        mixinStandardHelpOptions = true,
        description = "Print the recent /v1 requests the emulator received, newest first: time, method, status,"
                + " latency, path and request id (keys and secrets removed). --clear empties the journal.",
        footer = {
            "",
            "Examples:",
            "  ./scale emulator requests --status 4",
            "  ./scale emulator requests --method POST --path-prefix /v1/task --bodies",
            "  ./scale emulator requests --json --limit 5"
        })
final class EmulatorRequestsCommand extends SdkCommand {

    @Option(names = "--method", description = "Only this HTTP method.")
    String method;

    @Option(names = "--path-prefix", paramLabel = "PREFIX", description = "Only paths starting so, e.g. /v1/task.")
    String pathPrefix;

    @Option(names = "--status", description = "Only this status (404), or a class (4 for every 4xx).")
    Integer status;

    @Option(names = "--since", paramLabel = "TIME", description = "Only requests at or after this ISO-8601 time.")
    String since;

    @Option(names = "--limit", defaultValue = "50", description = "How many to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--bodies", description = "Also print request and response bodies.")
    boolean bodies;

    @Option(names = "--json", description = "Print the journal's JSON as the emulator returns it.")
    boolean json;

    @Option(names = "--clear", description = "Empty the journal instead of printing it.")
    boolean clear;

    @Override
    int run(Target target) throws IOException, InterruptedException {
        var env = ScaleCli.env(spec);
        // The same emulator every other command talks to (--base-url, SCALE_BASE_URL, or the running ./scale up).
        String base = target.control().url();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(limit));
        put(query, "method", method);
        put(query, "path_prefix", pathPrefix);
        put(query, "status", status == null ? null : status.toString());
        put(query, "since", since);
        StringBuilder qs = new StringBuilder();
        query.forEach((k, v) -> qs.append(qs.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/_emulator/requests" + (clear ? "" : qs)))
                .timeout(Duration.ofSeconds(10));
        String token = env.apply("SCALE_EMULATOR_ADMIN_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.trim());
        }
        request = clear ? request.DELETE() : request.GET();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            // exit 3, as every command that cannot reach its Scale
            throw new Unreachable(
                    "cannot reach " + base + ": nothing listens there (start the emulator with ./scale up)");
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonNode body = ScaleJson.mapper().readTree(r.body());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the emulator answered " + r.statusCode() + ": "
                    + body.path("error").asString());
        }
        if (clear) {
            out.println("Request journal cleared.");
        } else if (json) {
            out.println(ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } else {
            print(out, body.path("docs"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, JsonNode docs) {
        if (docs.isEmpty()) {
            out.println("No requests recorded (the journal keeps the latest /v1 requests since the emulator started).");
            return;
        }
        for (JsonNode d : docs) {
            String target = d.path("path").asString()
                    + (d.path("query").isString() ? "?" + d.path("query").asString() : "");
            out.printf(
                    "%s  %-6s %3d %6d ms  %s  [%s]%n",
                    d.path("time").asString(),
                    d.path("method").asString(),
                    d.path("status").asInt(),
                    d.path("latency_ms").asLong(),
                    target,
                    d.path("request_id").asString());
            if (bodies) {
                out.println("    request:  " + shown(d.path("request_body")));
                out.println("    response: " + shown(d.path("response_body")));
            }
        }
    }

    private static String shown(JsonNode body) {
        if (body.isNull() || body.isMissingNode()) {
            return "(none)";
        }
        return body.isString() ? body.asString() : body.toString();
    }

    private static void put(Map<String, String> query, String key, String value) {
        if (value != null && !value.isBlank()) {
            query.put(key, value);
        }
    }
}
