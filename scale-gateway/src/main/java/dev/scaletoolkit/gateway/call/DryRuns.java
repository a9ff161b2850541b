package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.gateway.budget.Estimate;
import dev.scaletoolkit.gateway.budget.PriceTable;
import dev.scaletoolkit.gateway.confirm.Confirmations;
import dev.scaletoolkit.gateway.confirm.Policy;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code dry_run: true}: runs the tool against a backend that records writes instead of sending them,
 * and reports the exact requests, the project's defaults, the validation result, the estimate and, when the call
 * needs one, a confirmation token bound to this caller, tool and arguments.
 */
final class DryRuns {
    private static final int SHOWN_REQUESTS = 5;

    private DryRuns() {}

    static ObjectNode preview(
            ConnectionTools.Bound bound,
            String slug,
            ObjectNode args,
            Estimate estimate,
            boolean needsConfirmation,
            Caller caller,
            String argsDigest,
            Policy policy,
            Confirmations confirmations) {
        AtomicReference<ToolResult> result = new AtomicReference<>();
        List<ScaleRequest> writes =
                bound.recorder().record(() -> result.set(bound.dryRun().call(slug, args, null)));
        ToolError error = result.get().error();
        boolean invalid = error != null && ToolError.Code.INVALID_INPUT.equals(error.code());

        ObjectNode out = ScaleJson.mapper().createObjectNode();
        out.put("dry_run", true);
        out.put("tool", slug);
        ObjectNode conn = out.putObject("connection");
        conn.put("name", bound.connection().name());
        conn.put("mode", bound.connection().mode().wireName());
        conn.put("base_url", bound.connection().baseUrl());
        out.put("request_count", writes.size());
        ArrayNode requests = out.putArray("requests");
        writes.stream().limit(SHOWN_REQUESTS).forEach(w -> requests.add(requestJson(w)));
        ObjectNode validation = out.putObject("validation");
        validation.put("valid", !invalid);
        if (invalid) {
            validation.put("message", error.message());
            validation.set("problems", ScaleJson.mapper().valueToTree(error.problems()));
        }
        out.set("project_defaults", projectDefaults(bound, estimate.project()));
        ObjectNode est = out.putObject("estimate");
        est.put("tasks", estimate.tasks());
        est.put("task_type", estimate.taskType());
        est.put("project", estimate.project());
        est.put("cost_usd", PriceTable.usd(estimate.costMicros()));
        ObjectNode confirmation = out.putObject("confirmation");
        confirmation.put("required", needsConfirmation);
        confirmation.put("policy_version", policy.version());
        if (needsConfirmation && !invalid) {
            Confirmations.Issued issued = confirmations.issue(caller.name(), slug, argsDigest, policy);
            confirmation.put("token", issued.token());
            confirmation.put("expires_at", issued.expiresAt().toString());
            confirmation.put(
                    "how",
                    "Call " + slug + " again with exactly these arguments plus \"confirmation_token\". It works once.");
        }
        return out;
    }

    private static ObjectNode requestJson(ScaleRequest r) {
        ObjectNode o = ScaleJson.mapper().createObjectNode();
        o.put("method", r.method());
        o.put("path", "/v1" + r.path());
        if (!r.query().isEmpty()) {
            o.set("query", ScaleJson.mapper().valueToTree(r.query()));
        }
        if (r.body() != null) {
            o.set("body", r.body());
        }
        if (r.upload() != null) {
            ObjectNode u = o.putObject("upload");
            u.put("file_name", r.upload().fileName());
            u.put("mime_type", r.upload().mimeType());
            u.put("bytes", r.upload().content().length);
            u.set("fields", ScaleJson.mapper().valueToTree(r.upload().fields()));
        }
        return o;
    }

    /** The newest {@code param_history} entry (highest version), which Scale applies to new tasks. */
    private static JsonNode newestParams(JsonNode project) {
        JsonNode best = ScaleJson.mapper().nullNode();
        long bestVersion = Long.MIN_VALUE;
        for (JsonNode e : project.path("param_history")) {
            long v = e.path("version").asLong(0);
            if (v >= bestVersion) {
                bestVersion = v;
                best = e;
            }
        }
        return best;
    }

    /** The project's {@code params} (instruction and the like) that Scale would add to the task, when known. */
    private static JsonNode projectDefaults(ConnectionTools.Bound bound, String project) {
        if (project == null) {
            return ScaleJson.mapper().nullNode();
        }
        try {
            JsonNode p = bound.backend().send(ScaleRequest.get("/projects/" + ScaleRequest.segment(project)));
            ObjectNode out = ScaleJson.mapper().createObjectNode();
            out.put("project", project);
            out.set("params", newestParams(p));
            return out;
        } catch (RuntimeException e) {
            ObjectNode out = ScaleJson.mapper().createObjectNode();
            out.put("project", project);
            out.put("error", "could not read the project: " + e.getMessage());
            return out;
        }
    }
}
