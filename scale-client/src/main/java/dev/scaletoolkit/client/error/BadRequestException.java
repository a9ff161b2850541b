package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 400 Bad request: a parameter is missing or invalid (Scale names it in the message). */
public class BadRequestException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
