package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 409 Conflict: the unique_id, name or reference_id is already used. */
public class ConflictException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
