package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.TaskType;
import java.util.Objects;

/**
 * A task of any type as a raw JSON body, for types this SDK has no typed params for, and for bodies read from a
 * file. Prefer the typed params: they check required fields before sending.
 */
public final class GenericTaskParams extends TaskCreateParams {
    GenericTaskParams(TaskType type, JsonObject body) {
        super(type, body);
    }

    /**
     * A task of {@code type} with exactly this body.
     *
     * @param type the task type
     * @param body a JSON object
     * @return the params
     * @throws IllegalArgumentException when {@code body} is not a JSON object
     */
    public static GenericTaskParams of(TaskType type, JsonValue body) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (!body.isObject()) {
            throw new IllegalArgumentException(type.value() + " task: the body must be a JSON object");
        }
        return new GenericTaskParams(type, JsonObject.of(body));
    }

    /**
     * A task of {@code type} with exactly this body.
     *
     * @param type the task type
     * @param body the body's members
     * @return the params
     */
    public static GenericTaskParams of(TaskType type, java.util.Map<String, ?> body) {
        return of(type, JsonValue.of(body));
    }
}
