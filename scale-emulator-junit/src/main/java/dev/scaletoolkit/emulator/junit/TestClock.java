package dev.scaletoolkit.emulator.junit;

import dev.scaletoolkit.model.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's clock, moved from the test: {@link #advance} makes time pass in the child JVM for everything that
 * reads it (timestamps, the workforce's due times, leases, sessions, callback retries and sweeps), so a test proves
 * what happens after five minutes without waiting five minutes.
 *
 * <pre>{@code
 * @ScaleEmulatorTest(clockStart = "2026-01-05T09:00:00Z", workforceDelayMillis = 300_000)
 * class FiveMinuteWorkforceTest {
 *     @Test
 *     void completesAfterFiveMinutes(ScaleClient scale, TestClock clock) {
 *         Task task = scale.tasks().create(...);
 *         clock.advance(Duration.ofMinutes(4));   // still pending
 *         clock.advance(Duration.ofMinutes(1));   // completed when advance returns
 *     }
 * }
 * }</pre>
 *
 * <p>An {@link #advance} answers only after the workforce has finished every task that became due, so the test reads
 * the outcome at once and, when nothing changed, knows that nothing was due. Time only moves forward: stored
 * timestamps order the listings. With {@link ScaleEmulatorTest#clockStart()} the clock stands still between calls;
 * without it, it runs with the system clock plus every advance so far.
 */
public final class TestClock {
    private final String baseUrl;
    private final HttpClient http;

    TestClock(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /**
     * Makes {@code duration} pass in the emulator, then finishes the work that became due.
     *
     * @param duration how far to move, zero or more (at most ten years a call)
     * @return the emulator's time afterwards
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the emulator's clock only moves forward, got " + duration);
        }
        // A large backlog that became due is finished before the answer, hence the long timeout.
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/clock"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance_ms\":" + duration.toMillis() + "}"))
                .build());
    }

    /**
     * The emulator's time now.
     *
     * @return the instant the emulator would stamp on a write made now
     */
    public Instant now() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/clock"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    private Instant send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the emulator refused " + request.method() + " /_emulator/clock: "
                        + response.statusCode() + " " + response.body());
            }
            return Instant.parse(JsonValue.parse(response.body()).path("now").stringValue());
        } catch (IOException e) {
            throw new IllegalStateException("the emulator at " + baseUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "TestClock[" + baseUrl + "]";
    }
}
