package dev.scaletoolkit.tools.backend;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.GenericCall;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.http.RequestBody;
import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.model.ScaleJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link ScaleBackend} over the SDK's generic call ({@link ScaleClient#call}): the tools get scale-client's transport, Basic auth, error
 * table and retries. Retries are kept short (two, waiting at most two seconds each) because an agent is waiting;
 * a longer {@code Retry-After} reaches the agent as {@code retry_after_seconds} and the agent decides.
 */
final class ClientScaleBackend implements ScaleBackend {
    private static final java.net.http.HttpClient STORAGE = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .build();
    private final ScaleClient api;
    private final String baseUrl;

    ClientScaleBackend(String baseUrl, String apiKey, Duration timeout) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.baseUrl = trimmed.endsWith("/v1") ? trimmed : trimmed + "/v1";
        this.api = ScaleClient.create(ClientOptions.builder()
                .apiKey(apiKey)
                .baseUrl(this.baseUrl)
                .readTimeout(timeout)
                .retryPolicy(RetryPolicy.builder()
                        .maxRetries(2)
                        .maxRetryAfter(Duration.ofSeconds(2))
                        .build())
                .userAgentSuffix("scale-tools")
                .build());
    }

    @Override
    public JsonNode send(ScaleRequest request) {
        GenericCall call = api.call(request.method(), request.path());
        request.query().forEach(call::queryAll);
        if (request.upload() != null) {
            String boundary = "scale-tools-" + UUID.randomUUID();
            call.body(RequestBody.of(
                    multipart(request.upload(), boundary), "multipart/form-data; boundary=" + boundary, true));
        } else if (request.body() != null) {
            call.json(request.body());
        }
        uniqueIdOfCreate(request).ifPresent(call::createUniqueId);
        ScaleResponse response = execute(call);
        String text = response.bodyText();
        if (text.isBlank()) {
            return ScaleJson.mapper().nullNode();
        }
        try {
            return ScaleJson.mapper().readTree(text);
        } catch (JacksonException notJson) {
            // The audit endpoint answers a bare "OK".
            return ScaleJson.mapper().getNodeFactory().stringNode(text.trim());
        }
    }

    @Override
    public Download download(String path) {
        ScaleResponse first = execute(api.call("GET", path).allowRedirect());
        if (first.status() == 200) {
            return new Download(first.header("Content-Type").orElse("application/octet-stream"), first.body());
        }
        // A redirect to storage (a signed URL): fetched without the API key, which never leaves for another host.
        String location = first.header("Location")
                .orElseThrow(() -> new ScaleBackendException(first.status(), "redirect without a Location", null));
        java.net.URI target = java.net.URI.create(baseUrl + path).resolve(location);
        try {
            java.net.http.HttpResponse<byte[]> r = STORAGE.send(
                    java.net.http.HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new ScaleBackendException(r.statusCode(), "storage answered HTTP " + r.statusCode(), null);
            }
            return new Download(r.headers().firstValue("Content-Type").orElse("application/octet-stream"), r.body());
        } catch (java.io.IOException e) {
            throw new ScaleBackendException(0, "could not download the result: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleBackendException(0, "interrupted while downloading the result", null);
        }
    }

    /** A task create that carries a unique_id is safe to retry, and recoverable after a false 5xx. */
    private static java.util.Optional<String> uniqueIdOfCreate(ScaleRequest request) {
        if (!request.method().equals("POST") || !request.path().startsWith("/task/") || request.body() == null) {
            return java.util.Optional.empty();
        }
        if (request.path().indexOf('/', "/task/".length()) >= 0) {
            return java.util.Optional.empty();
        }
        JsonNode uid = request.body().path("unique_id");
        return uid.isString() && !uid.stringValue().isBlank()
                ? java.util.Optional.of(uid.stringValue())
                : java.util.Optional.empty();
    }

    private static ScaleResponse execute(GenericCall call) {
        try {
            return call.executeRaw();
        } catch (ScaleException e) {
            throw translate(e);
        }
    }

    private static ScaleBackendException translate(ScaleException e) {
        if (e instanceof ScaleApiException api) {
            Long retryAfter = api.retryAfter().map(Duration::toSeconds).orElse(null);
            String message = api.errorMessage() == null || api.errorMessage().isBlank()
                    ? "Scale answered HTTP " + api.status()
                    : api.errorMessage();
            return new ScaleBackendException(api.status(), message, retryAfter, api);
        }
        return new ScaleBackendException(0, "could not reach Scale: " + e.getMessage(), null);
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

    @Override
    public String toString() {
        return "ClientScaleBackend[" + baseUrl + "]";
    }
}
