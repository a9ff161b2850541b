package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 429 Too many requests; see retryAfter(). */
public class RateLimitException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorTable} does this for each answer.
     *
     * @param status the HTTP status
     * @param errorMessage Scale's {@code error} text
     * @param headers the response headers
     * @param body the raw response body, with the key cut out
     */
    public RateLimitException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
