package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 401 Unauthorized: no valid API key was sent. */
public class UnauthorizedException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
