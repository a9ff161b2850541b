package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.gateway.budget.BudgetRefusal;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolError;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The errors the gateway itself returns, in the tools' error shape (codes in {@link ToolError.Code}). */
final class GateErrors {
    private GateErrors() {}

    static ToolError toolNotAllowed(String tool, Caller caller) {
        return new ToolError(
                "This token may not call " + tool + "; list the tools to see what it allows.",
                ToolError.Code.TOOL_NOT_ALLOWED,
                null,
                false,
                null,
                List.of());
    }

    static ToolError liveNotAllowed(String connection) {
        return new ToolError(
                "Connection '" + connection + "' is live (billable) and this token is not allowed live connections;"
                        + " ask for a token created with --allow-live, or use a test connection.",
                ToolError.Code.LIVE_NOT_ALLOWED,
                null,
                false,
                null,
                List.of());
    }

    static ToolError connectionMissing(String message) {
        return new ToolError(message, ToolError.Code.NOT_FOUND, null, false, null, List.of());
    }

    static ToolError confirmationRequired(String tool, boolean declined) {
        return new ToolError(
                declined
                        ? "The person declined this call to " + tool + "; nothing was sent."
                        : "Calling " + tool + " here needs confirmation. Call it again with the same arguments and"
                                + " \"dry_run\": true to see what would happen and get a confirmation_token, then"
                                + " call with \"confirmation_token\". Nothing was sent.",
                ToolError.Code.CONFIRMATION_REQUIRED,
                null,
                false,
                null,
                List.of());
    }

    static ToolError confirmationInvalid(String reason) {
        return new ToolError(
                "Confirmation refused: " + reason + ". Nothing was sent.",
                ToolError.Code.CONFIRMATION_INVALID,
                null,
                false,
                null,
                List.of());
    }

    static ToolError budgetExceeded(BudgetRefusal r) {
        ObjectNode details = ScaleJson.mapper().createObjectNode();
        details.put("limit", r.limit());
        details.put("scope", r.scope());
        if (r.project() != null) {
            details.put("project", r.project());
        }
        details.put("limit_value", r.limitValue());
        details.put("used", r.used());
        details.put("requested", r.requested());
        details.put("remaining", r.remaining());
        details.put("resets_at", r.resetsAt().toString());
        details.put("retry_after_seconds", r.retryAfterSeconds());
        return new ToolError(
                r.message(), ToolError.Code.BUDGET_EXCEEDED, null, true, r.retryAfterSeconds(), List.of(), details);
    }
}
