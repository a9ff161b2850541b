package dev.scaletoolkit.client.task;

import dev.scaletoolkit.model.task.TaskType;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task of any type as a raw JSON body, for types this SDK has no typed params for, and for bodies read from a
 * file. Prefer the typed params: they check required fields before sending.
 */
public final class GenericTaskParams extends TaskCreateParams {
    GenericTaskParams(TaskType type, ObjectNode body) {
        super(type, body);
    }

    /** A task of {@code type} with exactly this body. */
    public static GenericTaskParams of(TaskType type, ObjectNode body) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        return new GenericTaskParams(type, body);
    }
}
