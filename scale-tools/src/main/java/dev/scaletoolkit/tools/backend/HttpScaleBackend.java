package dev.scaletoolkit.tools.backend;

import dev.scaletoolkit.model.ScaleJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link ScaleBackend} over {@link HttpClient}: Basic auth with the key as user name, JSON bodies, multipart for
 * uploads. It does not retry; a failed call reaches the agent with {@code retryable} set, and the agent decides.
 */
final class HttpScaleBackend implements ScaleBackend {
    private static final int MAX_REDIRECTS = 5;

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    HttpScaleBackend(String baseUrl, String apiKey, Duration timeout) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(trimmed.endsWith("/v1") ? trimmed : trimmed + "/v1");
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        // Redirects are followed by hand so the key is never sent to another host (signed S3 links).
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public JsonNode send(ScaleRequest request) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(request)).timeout(timeout).header("Authorization", authorization);
        if (request.upload() != null) {
            String boundary = "scale-tools-" + UUID.randomUUID();
            builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(
                            request.method(),
                            HttpRequest.BodyPublishers.ofByteArray(multipart(request.upload(), boundary)));
        } else if (request.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(
                            request.method(),
                            HttpRequest.BodyPublishers.ofString(
                                    ScaleJson.mapper().writeValueAsString(request.body())));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = exchange(builder.build());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw failure(response, text);
        }
        if (text.isBlank()) {
            return ScaleJson.mapper().nullNode();
        }
        try {
            return ScaleJson.mapper().readTree(text);
        } catch (JacksonException notJson) {
            return ScaleJson.mapper().getNodeFactory().stringNode(text.trim());
        }
    }

    @Override
    public Download download(String path) {
        URI target = URI.create(base + path);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(target).timeout(timeout).GET();
            if (sameOrigin(target)) {
                builder.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = exchange(builder.build());
            int status = response.statusCode();
            if (status >= 300
                    && status < 400
                    && response.headers().firstValue("Location").isPresent()) {
                target =
                        target.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status != 200) {
                throw failure(response, new String(response.body(), StandardCharsets.UTF_8));
            }
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            return new Download(type, response.body());
        }
        throw new ScaleBackendException(0, "too many redirects while downloading " + path, null);
    }

    private boolean sameOrigin(URI target) {
        return target.getHost() != null
                && target.getHost().equalsIgnoreCase(base.getHost())
                && target.getPort() == base.getPort()
                && target.getScheme().equalsIgnoreCase(base.getScheme());
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ScaleBackendException(
                    0,
                    "could not reach Scale at " + base + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleBackendException(0, "interrupted while calling Scale", null);
        }
    }

    private URI uri(ScaleRequest request) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            for (String v : e.getValue()) {
                query.add(ScaleRequest.segment(e.getKey()) + "=" + ScaleRequest.segment(v));
            }
        }
        return URI.create(base + request.path() + (query.length() == 0 ? "" : "?" + query));
    }

    private static ScaleBackendException failure(HttpResponse<byte[]> response, String text) {
        String message = text;
        try {
            JsonNode body = ScaleJson.mapper().readTree(text);
            if (body.path("error").isString()) {
                message = body.path("error").asString();
            } else if (body.path("message").isString()) {
                message = body.path("message").asString();
            }
        } catch (JacksonException notJson) {
            // keep the raw text, as Scale's own SDK does
        }
        if (message == null || message.isBlank()) {
            message = "Scale answered HTTP " + response.statusCode();
        }
        Long retryAfter = response.headers()
                .firstValue("Retry-After")
                .map(HttpScaleBackend::seconds)
                .orElse(null);
        return new ScaleBackendException(response.statusCode(), message, retryAfter);
    }

    private static Long seconds(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    private static byte[] multipart(ScaleRequest.Upload upload, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : upload.fields().entrySet()) {
            write(
                    out,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                            + field.getValue() + "\r\n");
        }
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + upload.fileName().replace("\"", "_") + "\"\r\nContent-Type: " + upload.mimeType()
                        + "\r\n\r\n");
        out.writeBytes(upload.content());
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
