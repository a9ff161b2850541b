package dev.scaletoolkit.emulator;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** A small raw HTTP client for contract tests: real requests on a real port, no SDK in between. */
public final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    public Http(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The response: status, raw text and the JSON (null when the text is not JSON). */
    public record Resp(int status, String text, JsonNode json, HttpResponse<String> raw) {
        public String error() {
            return json == null ? null : json.path("error").asString();
        }
    }

    public Resp get(String path) {
        return send(builder(path).GET());
    }

    public Resp post(String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Resp put(String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Resp delete(String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Resp send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = ScaleJson.mapper().readTree(r.body());
            } catch (RuntimeException notJson) {
                // leave json null
            }
            return new Resp(r.statusCode(), r.body(), json, r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }
}
