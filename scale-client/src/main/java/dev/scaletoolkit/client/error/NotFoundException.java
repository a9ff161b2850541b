package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;

/** 404 Not found: the task, batch, project or file does not exist (in this mode: live and test are separate). */
public class NotFoundException extends ScaleApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; {@link ErrorTable} does this for each answer.
     *
     * @param status the HTTP status
     * @param errorMessage Scale's {@code error} text
     * @param headers the response headers
     * @param body the raw response body, with the key cut out
     */
    public NotFoundException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }
}
