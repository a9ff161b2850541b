package dev.scaletoolkit.model.task;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.Map;

/**
 * The body Scale POSTs to a callback URL when a task completes, errors or is audited.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskCallback(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("status") TaskStatus status,
        @JsonProperty("response") JsonValue response,
        @JsonProperty("task") Task task,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public TaskCallback {
        extra = Extras.copy(extra);
    }
}
