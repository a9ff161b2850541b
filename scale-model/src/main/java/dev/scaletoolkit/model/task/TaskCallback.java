package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.Map;

/**
 * The body Scale POSTs to a callback URL when a task completes, errors or is audited.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record TaskCallback(
        @WireName("task_id") String taskId,
        @WireName("status") TaskStatus status,
        @WireName("response") JsonValue response,
        @WireName("task") Task task,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param taskId the {@code task_id} key
     * @param status the {@code status} key
     * @param response the {@code response} key
     * @param task the {@code task} key
     * @param extra the keys this version does not model
     */
    public TaskCallback {
        extra = Extras.copy(extra);
    }
}
