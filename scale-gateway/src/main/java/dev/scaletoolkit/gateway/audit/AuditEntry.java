package dev.scaletoolkit.gateway.audit;

import dev.scaletoolkit.model.jackson.ScaleJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool call in the audit trail.
 *
 * @param seq position in the chain, from 1
 * @param atMs when the call ended (epoch milliseconds)
 * @param caller {@code token:<id> (<name>)} or {@code operator}; never the token itself
 * @param connection the connection used
 * @param tool the tool's slug (or the name asked for, when unknown)
 * @param arguments the arguments as JSON text, secrets replaced by {@code [redacted]}
 * @param outcome {@code ok}, {@code error} (the tool failed) or {@code refused} (the gateway stopped it)
 * @param errorCode the error code, when not ok
 * @param confirmation {@code not_needed}, {@code person} (approved through elicitation), {@code token} (a
 *     confirmation token), {@code dry_run} (nothing was sent) or {@code missing}
 * @param prevHash the previous entry's hash ({@code 64 zeros} for the first)
 * @param entryHash SHA-256 of this entry's fields and {@code prevHash}
 */
public record AuditEntry(
        long seq,
        long atMs,
        String caller,
        String connection,
        String tool,
        String arguments,
        String outcome,
        String errorCode,
        long latencyMs,
        long costMicros,
        String confirmation,
        String prevHash,
        String entryHash) {

    public static final String GENESIS = "0".repeat(64);

    /** The text the hash covers: every field but the hash itself, in a fixed order. */
    String hashedText() {
        ObjectNode o = ScaleJson.mapper().createObjectNode();
        o.put("seq", seq);
        o.put("at_ms", atMs);
        o.put("caller", caller);
        o.put("connection", connection);
        o.put("tool", tool);
        o.put("arguments", arguments);
        o.put("outcome", outcome);
        o.put("error_code", errorCode);
        o.put("latency_ms", latencyMs);
        o.put("cost_micros", costMicros);
        o.put("confirmation", confirmation);
        o.put("prev_hash", prevHash);
        return o.toString();
    }

    public AuditEntry withHash(String hash) {
        return new AuditEntry(
                seq,
                atMs,
                caller,
                connection,
                tool,
                arguments,
                outcome,
                errorCode,
                latencyMs,
                costMicros,
                confirmation,
                prevHash,
                hash);
    }

    /** The entry as one JSON object (for {@code audit export --jsonl} and {@code audit list --json}). */
    public ObjectNode toJson() {
        ObjectNode o = ScaleJson.mapper().createObjectNode();
        o.put("seq", seq);
        o.put("at", java.time.Instant.ofEpochMilli(atMs).toString());
        o.put("caller", caller);
        o.put("connection", connection);
        o.put("tool", tool);
        o.set("arguments", ScaleJson.mapper().readTree(arguments));
        o.put("outcome", outcome);
        o.put("error_code", errorCode);
        o.put("latency_ms", latencyMs);
        o.put("estimated_cost_usd", costMicros / 1_000_000d);
        o.put("confirmation", confirmation);
        o.put("prev_hash", prevHash);
        o.put("hash", entryHash);
        return o;
    }
}
