package dev.scaletoolkit.emulator.error;

import java.util.Map;

/**
 * A failure that becomes Scale's error body, {@code {"status_code": N, "error": "..."}}. Messages name the field
 * and what was expected; they never carry a key or a stack trace.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    /** A 400 for a parameter that is missing or of the wrong kind, worded as Scale words it. */
    public static ApiError invalidParam(String field, String reason) {
        return new ApiError(400, "Parameter is invalid, reason: \"" + field + "\" " + reason);
    }

    public static ApiError missingParam(String field) {
        return invalidParam(field, "is required");
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    public static ApiError tooLarge(String message) {
        return new ApiError(413, message);
    }
}
