package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 401 Unauthorized: no valid API key was sent. */
public class UnauthorizedException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorTable} does this for each answer.
     *
     * @param status the HTTP status
     * @param errorMessage Scale's {@code error} text
     * @param headers the response headers
     * @param body the raw response body, with the key cut out
     */
    public UnauthorizedException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
