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

    public TaskCallback {
        extra = Extras.copy(extra);
    }
}
