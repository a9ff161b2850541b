package dev.scaletoolkit.spring.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One look at Scale: is it reachable, and does it take the key? A cheap authenticated read ({@code GET
 * /tasks?limit=1}) answers both. Shared by the Boot 3 and Boot 4 health indicators, whose APIs live in different
 * packages. The key is sent, never reported: the details name the URL, the key's mode and the status only.
 */
public final class ScaleHealthCheck {
    private final String baseUrl;
    private final String authorization;
    private final String keyMode;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * A check of one account.
     *
     * @param baseUrl the API's base URL, e.g. {@code https://api.scale.com/v1}
     * @param apiKey the key to check
     * @param timeout how long the check may take
     */
    public ScaleHealthCheck(String baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        this.keyMode = apiKey.startsWith("live_") ? "live" : apiKey.startsWith("test_") ? "test" : "unknown";
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * What one check found.
     *
     * @param up whether Scale answered and took the key
     * @param details what to show: {@code base_url}, {@code key_mode}, {@code status} or {@code error},
     *     {@code latency_ms}; never the key
     */
    public record Result(boolean up, Map<String, Object> details) {}

    /**
     * Checks now.
     *
     * @return up, or down with the reason
     */
    public Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("base_url", baseUrl);
        details.put("key_mode", keyMode);
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/tasks?limit=1"))
                    .timeout(timeout)
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            details.put("status", status);
            details.put("latency_ms", (System.nanoTime() - start) / 1_000_000);
            if (status == 401 || status == 403) {
                details.put("error", "Scale refused the API key (" + status + ")");
                return new Result(false, details);
            }
            if (status >= 400) {
                details.put("error", "Scale answered " + status);
                return new Result(false, details);
            }
            return new Result(true, details);
        } catch (IOException | IllegalArgumentException e) {
            details.put("error", "Scale is unreachable: " + e.getClass().getSimpleName());
            return new Result(false, details);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            details.put("error", "interrupted");
            return new Result(false, details);
        }
    }

    @Override
    public String toString() {
        return "ScaleHealthCheck[" + baseUrl + ", " + keyMode + " key]";
    }
}
