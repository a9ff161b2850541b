package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 404 Not found: the task, batch, project or file does not exist (in this mode: live and test are separate). */
public class NotFoundException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
