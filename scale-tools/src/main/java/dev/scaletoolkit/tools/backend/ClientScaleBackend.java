package dev.scaletoolkit.tools.backend;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.GenericCall;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.http.RequestBody;
import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link ScaleBackend} over the SDK's generic call ({@link ScaleClient#call}): the tools get scale-client's transport, Basic auth, error
 * table and retries. Retries are kept short (two, waiting at most two seconds each) because an agent is waiting;
 * a longer {@code Retry-After} reaches the agent as {@code retry_after_seconds} and the agent decides.
 */
final class ClientScaleBackend implements ScaleBackend {
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
            ScaleRequest.Upload upload = request.upload();
            call.body(RequestBody.multipart(upload.fields(), upload.fileName(), upload.mimeType(), upload.content()));
        } else if (request.body() != null) {
            // the body is a Jackson 3 tree; the SDK's own writer (no Jackson) does not know it, so write it here
            call.body(RequestBody.json(ScaleJson.mapper().writeValueAsBytes(request.body())));
        }
        uniqueIdOfCreate(request).ifPresent(call::createUniqueId);
        ScaleResponse response = execute(call::executeRaw);
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
        // the SDK follows a redirect to storage without the API key, which never leaves for another host
        ScaleResponse response = execute(api.call("GET", path)::executeDownload);
        return new Download(response.header("Content-Type").orElse("application/octet-stream"), response.body());
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

    /** Runs one SDK call, turning the SDK's exceptions into the backend's. */
    private static ScaleResponse execute(java.util.function.Supplier<ScaleResponse> send) {
        try {
            return send.get();
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

    @Override
    public String toString() {
        return "ClientScaleBackend[" + baseUrl + "]";
    }
}
