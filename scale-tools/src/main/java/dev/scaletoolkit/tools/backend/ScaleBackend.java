package dev.scaletoolkit.tools.backend;

import tools.jackson.databind.JsonNode;

/**
 * The one seam between the tools and Scale: send a v1 request, get its JSON answer. Tools speak Scale's wire
 * format, so any transport that can carry it (the JDK client here, the typed SDK, a recording in tests) fits.
 */
public interface ScaleBackend {

    /**
     * Sends the request and returns the parsed JSON body. A 200 answer that is not JSON (the audit endpoint says
     * {@code OK}) comes back as a string node.
     *
     * @throws ScaleBackendException for any non-200 answer or a transport failure
     */
    JsonNode send(ScaleRequest request);

    /**
     * Fetches raw bytes under {@code /v1} (result files behind secure response URLs), following redirects.
     *
     * @throws ScaleBackendException for any non-200 answer or a transport failure
     */
    Download download(String path);

    /** A downloaded body and its content type. */
    record Download(String contentType, byte[] content) {}

    /** A backend over the scale-client SDK (its transport, auth, errors and short retries); {@code baseUrl} is e.g. {@code https://api.scale.com} (no {@code /v1}). */
    static ScaleBackend http(String baseUrl, String apiKey) {
        return new ClientScaleBackend(baseUrl, apiKey, java.time.Duration.ofSeconds(60));
    }
}
