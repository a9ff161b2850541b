package dev.scaletoolkit.model.quality;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.time.Instant;
import java.util.Map;

/**
 * A labeler's attempt at a quality (training or evaluation) task.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelerAttempt(
        @JsonProperty("labeler_email") String labelerEmail,
        @JsonProperty("quality_task_id") String qualityTaskId,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("score") Number score,
        @JsonProperty("passed") Boolean passed,
        @JsonProperty("attempted_at") Instant attemptedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public LabelerAttempt {
        extra = Extras.copy(extra);
    }
}
