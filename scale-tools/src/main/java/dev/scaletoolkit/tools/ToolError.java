package dev.scaletoolkit.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Why a tool call failed, in a form an agent can act on.
 *
 * @param message what went wrong, naming the fields at fault; never contains an API key
 * @param code a stable machine word (see {@link Code})
 * @param httpStatus the HTTP status Scale answered with, or {@code null} when no request was made
 * @param retryable whether the same call may succeed later
 * @param retryAfterSeconds how long to wait before retrying, when known
 * @param problems for {@code invalid_input}: one entry per bad field
 * @param details more facts for the agent, when the code has them (for example which budget limit was reached,
 *     what is left of it and when it resets); {@code null} otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolError(
        @JsonProperty("message") String message,
        @JsonProperty("code") String code,
        @JsonProperty("http_status") Integer httpStatus,
        @JsonProperty("retryable") boolean retryable,
        @JsonProperty("retry_after_seconds") Long retryAfterSeconds,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("problems")
        List<Problem> problems,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("details")
        tools.jackson.databind.JsonNode details) {

    public ToolError {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public ToolError(
            String message,
            String code,
            Integer httpStatus,
            boolean retryable,
            Long retryAfterSeconds,
            List<Problem> problems) {
        this(message, code, httpStatus, retryable, retryAfterSeconds, problems, null);
    }

    /** One invalid field: where it is and what was expected there. */
    public record Problem(
            @JsonProperty("field") String field,
            @JsonProperty("expected") String expected) {}

    /** The error codes tools return. */
    public static final class Code {
        public static final String INVALID_INPUT = "invalid_input";
        public static final String UNKNOWN_TOOL = "unknown_tool";
        public static final String UNAUTHORIZED = "unauthorized";
        public static final String NOT_ENABLED = "not_enabled";
        public static final String NOT_FOUND = "not_found";
        public static final String CONFLICT = "conflict";
        public static final String TOO_LARGE = "too_large";
        public static final String RATE_LIMITED = "rate_limited";
        public static final String UPSTREAM_ERROR = "upstream_error";
        public static final String NETWORK_ERROR = "network_error";
        public static final String INTERNAL_ERROR = "internal_error";
        /** The gateway: the caller's token does not include this tool. */
        public static final String TOOL_NOT_ALLOWED = "tool_not_allowed";
        /** The gateway: the caller's token may not use a live (billable) connection. */
        public static final String LIVE_NOT_ALLOWED = "live_not_allowed";
        /** The gateway: the call needs a person's approval or a confirmation token from a dry run. */
        public static final String CONFIRMATION_REQUIRED = "confirmation_required";
        /** The gateway: the confirmation token is unknown, used, expired, or for another call. */
        public static final String CONFIRMATION_INVALID = "confirmation_invalid";
        /** The gateway: a budget limit would be passed; {@code details} names it. */
        public static final String BUDGET_EXCEEDED = "budget_exceeded";

        private Code() {}
    }

    /** An input problem found before any request was sent. */
    public static ToolError invalidInput(List<Problem> problems) {
        StringBuilder text = new StringBuilder("Invalid input: ");
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            text.append(i == 0 ? "" : "; ").append(p.field()).append(": ").append(p.expected());
        }
        return new ToolError(text.toString(), Code.INVALID_INPUT, null, false, null, problems);
    }

    /**
     * The tool error for Scale's answer, from the SDK's exception: its class gives the code, the SDK decides whether
     * retrying can help, and the request id (when Scale sent one) is kept in {@code details.request_id}, so agents
     * and Java callers follow one error table.
     */
    public static ToolError fromApi(dev.scaletoolkit.client.error.ScaleApiException e) {
        int status = e.status();
        String code;
        if (e instanceof dev.scaletoolkit.client.error.BadRequestException || status == 422) {
            code = Code.INVALID_INPUT;
        } else if (e instanceof dev.scaletoolkit.client.error.UnauthorizedException || status == 403) {
            code = Code.UNAUTHORIZED;
        } else if (e instanceof dev.scaletoolkit.client.error.PaymentRequiredException) {
            code = Code.NOT_ENABLED;
        } else if (e instanceof dev.scaletoolkit.client.error.NotFoundException) {
            code = Code.NOT_FOUND;
        } else if (e instanceof dev.scaletoolkit.client.error.ConflictException) {
            code = Code.CONFLICT;
        } else if (e instanceof dev.scaletoolkit.client.error.RateLimitException) {
            code = Code.RATE_LIMITED;
        } else if (status == 413) {
            code = Code.TOO_LARGE;
        } else {
            code = Code.UPSTREAM_ERROR;
        }
        tools.jackson.databind.node.ObjectNode details = e.requestId()
                .map(id -> dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                        .createObjectNode()
                        .put("request_id", id))
                .orElse(null);
        return new ToolError(
                e.errorMessage(),
                code,
                status,
                e.isRetryable(),
                e.retryAfter().map(java.time.Duration::toSeconds).orElse(null),
                List.of(),
                details);
    }

    /**
     * For a status without an SDK exception at hand (a storage download, an internal failure): the SDK's error
     * table builds the exception, so the code and the retry advice are the same as for {@link #fromApi}.
     */
    public static ToolError fromStatus(int status, String message, Long retryAfterSeconds) {
        java.util.Map<String, List<String>> headers = retryAfterSeconds == null
                ? java.util.Map.of()
                : java.util.Map.of("retry-after", List.of(Long.toString(retryAfterSeconds)));
        String body = dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .createObjectNode()
                .put("status_code", status)
                .put("error", message == null ? "" : message)
                .toString();
        return fromApi(dev.scaletoolkit.client.error.ErrorTable.fromResponse(
                status, headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
    }
}
