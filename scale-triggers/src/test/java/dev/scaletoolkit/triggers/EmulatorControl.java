package dev.scaletoolkit.triggers;

import dev.scaletoolkit.client.task.CategorizationParams;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The emulator's control plane, as the tests use it. */
final class EmulatorControl {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmulatorControl() {}

    /** Pauses or resumes the simulated workforce, so tests create everything before anything completes. */
    static void workforce(RunningEmulator scale, boolean enabled) {
        post(scale, "/_emulator/workforce", "{\"enabled\":" + enabled + ",\"delay_ms\":50}");
    }

    /** Completes one pending task now, with a generated response. */
    static void complete(RunningEmulator scale, String taskId) {
        post(scale, "/_emulator/tasks/" + taskId + "/complete", "{}");
    }

    /** Makes the next {@code times} API calls answer 429 with {@code Retry-After}. */
    static void rateLimit(RunningEmulator scale, int times, int retryAfterSeconds) {
        post(
                scale,
                "/_emulator/faults",
                "{\"status\":429,\"retry_after_seconds\":" + retryAfterSeconds + ",\"times\":" + times + "}");
    }

    static CategorizationParams.Builder task(String batch) {
        return CategorizationParams.builder()
                .batch(batch)
                .instruction("Is it a cat or a dog?")
                .attachmentType("image")
                .attachment("https://example.com/cat.jpg")
                .categories(List.of("cat", "dog"));
    }

    private static void post(RunningEmulator scale, String path, String json) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(scale.baseUrl() + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
