package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.FaultPlan;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes fault rules for {@code /_emulator/faults}. A rule body:
 *
 * <pre>{@code
 * {"method": "POST", "path_prefix": "/task/", "phase": "after_commit", "status": 500, "times": 1}
 * {"status": 429, "retry_after_seconds": 2, "times": 3}
 * {"latency_ms": 1500, "times": -1}
 * {"status": 503, "source": "any"}
 * }</pre>
 *
 * <p>{@code source} says whose requests the rule hits: {@code client} (the default: the caller's own clients),
 * {@code background} (only the toolkit's background clients, such as the triggers poller) or {@code any}.
 *
 * <p>{@code path_prefix} is matched against the path after {@code /v1} (a leading {@code /v1} is accepted and
 * dropped); {@code times} is how often the rule fires, {@code -1} until the faults are cleared.
 */
public final class FaultRules {
    private FaultRules() {}

    static FaultPlan.Rule parse(ObjectNode body) {
        String method = Fields.optString(body, "method")
                .map(m -> m.toUpperCase(Locale.ROOT))
                .orElse(null);
        String prefix = Fields.optString(body, "path_prefix").orElse(null);
        if (prefix != null) {
            if (!prefix.startsWith("/")) {
                prefix = "/" + prefix;
            }
            if (prefix.equals("/v1") || prefix.startsWith("/v1/")) {
                prefix = prefix.substring(3).isEmpty() ? "/" : prefix.substring(3);
            }
        }
        String phaseText = Fields.optString(body, "phase").orElse("before");
        FaultPlan.Phase phase;
        switch (phaseText.toLowerCase(Locale.ROOT)) {
            case "before":
                phase = FaultPlan.Phase.BEFORE;
                break;
            case "after_commit":
                phase = FaultPlan.Phase.AFTER_COMMIT;
                break;
            default:
                throw ApiError.invalidParam("phase", "must be before or after_commit, got \"" + phaseText + "\"");
        }
        long status = Fields.optLong(body, "status").orElse(0L);
        if (status != 0 && (status < 400 || status > 599)) {
            throw ApiError.invalidParam("status", "must be an error status between 400 and 599, got " + status);
        }
        long retryAfter = Fields.optLong(body, "retry_after_seconds").orElse(0L);
        if (retryAfter < 0 || retryAfter > 3600) {
            throw ApiError.invalidParam("retry_after_seconds", "must be between 0 and 3600, got " + retryAfter);
        }
        long latency = Fields.optLong(body, "latency_ms").orElse(0L);
        if (latency < 0 || latency > 120_000) {
            throw ApiError.invalidParam("latency_ms", "must be between 0 and 120000, got " + latency);
        }
        if (status == 0 && latency == 0) {
            throw ApiError.badRequest("A fault needs a \"status\" (400-599), a \"latency_ms\", or both.");
        }
        long times = Fields.optLong(body, "times").orElse(1L);
        if (times == 0 || times < -1 || times > 1_000_000) {
            throw ApiError.invalidParam("times", "must be a positive count, or -1 for until cleared, got " + times);
        }
        String sourceText = Fields.optString(body, "source").orElse("client");
        FaultPlan.Source source = switch (sourceText.toLowerCase(Locale.ROOT)) {
            case "client" -> FaultPlan.Source.CLIENT;
            case "background" -> FaultPlan.Source.BACKGROUND;
            case "any" -> FaultPlan.Source.ANY;
            default ->
                throw ApiError.invalidParam("source", "must be client, background or any, got \"" + sourceText + "\"");
        };
        return new FaultPlan.Rule(method, prefix, phase, (int) status, (int) retryAfter, latency, (int) times, source);
    }

    /** The rules as {@code GET /_emulator/faults} answers them. */
    public static ObjectNode list(List<FaultPlan.Rule> rules) {
        ObjectNode out = Docs.object();
        ArrayNode docs = out.putArray("faults");
        for (FaultPlan.Rule r : rules) {
            docs.add(write(r));
        }
        return out;
    }

    private static ObjectNode write(FaultPlan.Rule r) {
        ObjectNode o = ScaleJson.mapper().createObjectNode();
        o.put("method", r.method());
        o.put("path_prefix", r.pathPrefix());
        o.put("phase", r.phase() == FaultPlan.Phase.BEFORE ? "before" : "after_commit");
        o.put("status", r.status());
        o.put("retry_after_seconds", r.retryAfterSeconds());
        o.put("latency_ms", r.latencyMillis());
        o.put("times", r.times());
        o.put("source", r.source().name().toLowerCase(Locale.ROOT));
        return o;
    }
}
