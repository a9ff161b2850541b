package dev.scaletoolkit.client.emulator;

import dev.scaletoolkit.model.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault rule for {@link EmulatorControl#addFault}: which calls it hits (method and path prefix, both optional),
 * what it does (an error status, a {@code Retry-After}, added latency), when (before the work, or after the
 * commit, which is Scale's "false 500"), and how many times ({@code -1}: until cleared). Immutable; each method
 * returns a changed copy.
 *
 * <pre>{@code
 * Fault.status(429).retryAfterSeconds(2).times(2)
 * Fault.status(500).onPath("POST", "/task/").afterCommit()
 * Fault.latency(1500).forever()
 * }</pre>
 *
 * @param method the HTTP method hit, or null for any
 * @param pathPrefix the start of the path after {@code /v1} that is hit, or null for any
 * @param phase null to fail before the work, {@code after_commit} to fail after it
 * @param status the error status answered, or null for latency only
 * @param retryAfterSeconds the {@code Retry-After} sent with the error, or null
 * @param latencyMs the delay added, or null
 * @param times how many calls are hit; -1 until cleared
 */
public record Fault(
        String method,
        String pathPrefix,
        String phase,
        Integer status,
        Integer retryAfterSeconds,
        Integer latencyMs,
        int times) {

    /**
     * A rule answering an error status, once.
     *
     * @param status 400 to 599
     * @return the rule
     */
    public static Fault status(int status) {
        return new Fault(null, null, null, status, null, null, 1);
    }

    /**
     * A rule delaying a call, once.
     *
     * @param millis the delay in milliseconds
     * @return the rule
     */
    public static Fault latency(int millis) {
        return new Fault(null, null, null, null, null, millis, 1);
    }

    /**
     * Narrows the rule to some calls.
     *
     * @param method the HTTP method, or null for any
     * @param prefix the start of the path after {@code /v1}
     * @return the changed copy
     */
    public Fault onPath(String method, String prefix) {
        return new Fault(method, prefix, phase, status, retryAfterSeconds, latencyMs, times);
    }

    /**
     * Fails after the work is done and committed: the "false 500" a client must not answer by creating twice.
     *
     * @return the changed copy
     */
    public Fault afterCommit() {
        return new Fault(method, pathPrefix, "after_commit", status, retryAfterSeconds, latencyMs, times);
    }

    /**
     * Sends a {@code Retry-After} with the error.
     *
     * @param seconds the wait asked for
     * @return the changed copy
     */
    public Fault retryAfterSeconds(int seconds) {
        return new Fault(method, pathPrefix, phase, status, seconds, latencyMs, times);
    }

    /**
     * Adds a delay to the hit calls.
     *
     * @param millis the delay in milliseconds
     * @return the changed copy
     */
    public Fault latencyMs(int millis) {
        return new Fault(method, pathPrefix, phase, status, retryAfterSeconds, millis, times);
    }

    /**
     * How many calls the rule hits.
     *
     * @param times the count; -1 until cleared
     * @return the changed copy
     */
    public Fault times(int times) {
        return new Fault(method, pathPrefix, phase, status, retryAfterSeconds, latencyMs, times);
    }

    /**
     * Hits every matching call until the faults are cleared.
     *
     * @return the changed copy
     */
    public Fault forever() {
        return times(-1);
    }

    /**
     * The rule as {@code POST /_emulator/faults} takes it.
     *
     * @return a JSON object
     */
    public JsonValue toJson() {
        Map<String, Object> n = new LinkedHashMap<>();
        if (method != null) {
            n.put("method", method);
        }
        if (pathPrefix != null) {
            n.put("path_prefix", pathPrefix);
        }
        if (phase != null) {
            n.put("phase", phase);
        }
        if (status != null) {
            n.put("status", status);
        }
        if (retryAfterSeconds != null) {
            n.put("retry_after_seconds", retryAfterSeconds);
        }
        if (latencyMs != null) {
            n.put("latency_ms", latencyMs);
        }
        n.put("times", times);
        return JsonValue.of(n);
    }
}
