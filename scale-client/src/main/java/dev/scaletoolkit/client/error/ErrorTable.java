package dev.scaletoolkit.client.error;

import dev.scaletoolkit.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one place where a non-200 answer becomes an exception. The README reprints this table:
 *
 * <pre>
 * 400       BadRequestException        missing or invalid parameter          not retried
 * 401       UnauthorizedException      no valid API key                      not retried
 * 402       PaymentRequiredException   task type not enabled                 not retried
 * 404       NotFoundException          unknown task, batch, project, file    not retried
 * 408       ScaleApiException          request timeout                       retried
 * 409       ConflictException          unique_id / name / reference_id used  not retried (see recovery)
 * 429       RateLimitException         too many requests                     retried, honours Retry-After
 * 5xx       ServerException            Scale failed or timed out             retried
 * other     ScaleApiException          anything else                         not retried
 * </pre>
 *
 * The message is Scale's {@code error} field from {@code {"status_code": N, "error": "..."}}, or the raw body
 * when the body is not that JSON.
 */
public final class ErrorTable {
    private static final int MAX_MESSAGE = 500;

    private ErrorTable() {}

    /**
     * Builds the exception for a non-200 response: one subclass per status Scale documents.
     *
     * @param status the HTTP status
     * @param headers the response headers (Retry-After, request id)
     * @param body the response body, or null
     * @param secret the API key, cut out of the message and body if the server echoed it; may be null
     * @return the exception to throw
     */
    public static ScaleApiException fromResponse(
            int status, Map<String, List<String>> headers, byte[] body, String secret) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String message = redact(messageOf(status, raw), secret);
        String safeBody = redact(raw, secret);
        if (status == 400) {
            return new BadRequestException(status, message, headers, safeBody);
        } else if (status == 401) {
            return new UnauthorizedException(status, message, headers, safeBody);
        } else if (status == 402) {
            return new PaymentRequiredException(status, message, headers, safeBody);
        } else if (status == 404) {
            return new NotFoundException(status, message, headers, safeBody);
        } else if (status == 409) {
            return new ConflictException(status, message, headers, safeBody);
        } else if (status == 429) {
            return new RateLimitException(status, message, headers, safeBody);
        } else if (status >= 500 && status <= 599) {
            return new ServerException(status, message, headers, safeBody);
        }
        return new ScaleApiException(status, message, headers, safeBody);
    }

    static String messageOf(int status, String raw) {
        String trimmed = raw.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonValue error = JsonValue.parse(trimmed).get("error");
                if (error != null && error.isString()) {
                    return error.stringValue();
                }
                if (error != null && !error.isNull()) {
                    return error.toJson();
                }
            } catch (IllegalArgumentException notJson) {
                // fall through to the raw text, as Scale's own SDK does
            }
        }
        if (trimmed.isEmpty()) {
            return "HTTP " + status + " with an empty body";
        }
        return trimmed.length() > MAX_MESSAGE ? trimmed.substring(0, MAX_MESSAGE) + "…" : trimmed;
    }

    /**
     * Removes a secret from text that is about to reach a message or a log.
     *
     * @param text the text, or null
     * @param secret the secret to cut out; null or empty changes nothing
     * @return the text with every occurrence replaced by {@code [REDACTED]}
     */
    public static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "[REDACTED]");
    }
}
