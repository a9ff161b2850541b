package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 429 Too many requests; see retryAfter(). */
public class RateLimitException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
