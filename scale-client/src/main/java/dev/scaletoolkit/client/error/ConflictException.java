package dev.scaletoolkit.client.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 409 Conflict: the unique_id, idempotency key, name or reference_id is already used. */
public class ConflictException extends ScaleApiException {
    private static final long serialVersionUID = 1L;
    // Scale names the task holding the unique_id in parentheses: "... used for a different task (602c39...)."
    private static final Pattern TASK_ID = Pattern.compile("\\(([0-9a-fA-F]{24})\\)");

    /**
     * Creates the exception; {@link ErrorTable} does this for every 409.
     *
     * @param status the HTTP status (409)
     * @param errorMessage Scale's {@code error} text
     * @param headers the response headers
     * @param body the raw response body
     */
    public ConflictException(int status, String errorMessage, Map<String, List<String>> headers, String body) {
        super(status, errorMessage, headers, body);
    }

    /**
     * The id of the task that already holds the unique_id, when Scale's message names it (it does for a task
     * create or a unique_id change that collides).
     *
     * @return the existing task's id, or empty for other conflicts (a batch or project name, a file reference)
     */
    public Optional<String> existingTaskId() {
        String message = errorMessage();
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = TASK_ID.matcher(message);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return Optional.ofNullable(found);
    }
}
