package dev.scaletoolkit.client.emulator;

import dev.scaletoolkit.model.ScaleJson;
import tools.jackson.databind.node.ObjectNode;

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
 */
public record Fault(
        String method,
        String pathPrefix,
        String phase,
        Integer status,
        Integer retryAfterSeconds,
        Integer latencyMs,
        int times) {

    /** Every matching call answers {@code status} (400-599), once. */
    public static Fault status(int status) {
        return new Fault(null, null, null, status, null, null, 1);
    }

    /** Every matching call is delayed by {@code millis}, once. */
    public static Fault latency(int millis) {
        return new Fault(null, null, null, null, null, millis, 1);
    }

    /** Only calls with this method (null: any) whose path after {@code /v1} starts with {@code prefix}. */
    public Fault onPath(String method, String prefix) {
        return new Fault(method, prefix, phase, status, retryAfterSeconds, latencyMs, times);
    }

    /** The work is done and committed, then the error is answered. */
    public Fault afterCommit() {
        return new Fault(method, pathPrefix, "after_commit", status, retryAfterSeconds, latencyMs, times);
    }

    public Fault retryAfterSeconds(int seconds) {
        return new Fault(method, pathPrefix, phase, status, seconds, latencyMs, times);
    }

    public Fault latencyMs(int millis) {
        return new Fault(method, pathPrefix, phase, status, retryAfterSeconds, millis, times);
    }

    /** How many calls it hits. */
    public Fault times(int times) {
        return new Fault(method, pathPrefix, phase, status, retryAfterSeconds, latencyMs, times);
    }

    /** Hits every matching call until the faults are cleared. */
    public Fault forever() {
        return times(-1);
    }

    /** The rule as {@code POST /_emulator/faults} takes it. */
    public ObjectNode toJson() {
        ObjectNode n = ScaleJson.mapper().createObjectNode();
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
        return n;
    }
}
