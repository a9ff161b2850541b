package dev.scaletoolkit.model.batch;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A batch: a named group of tasks in one project.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Batch(
        @JsonProperty("name") String name,
        @JsonProperty("project") String project,
        @JsonProperty("status") BatchStatus status,
        @JsonProperty("callback") String callback,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonProperty("id") String id,
        @JsonProperty("calibration_batch") Boolean calibrationBatch,
        @JsonProperty("self_label_batch") Boolean selfLabelBatch,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public Batch {
        Objects.requireNonNull(name, "name is missing in the Batch JSON");
        metadata = Extras.copyOrNull(metadata);
        extra = Extras.copy(extra);
    }

    /** {@code metadata}, or an empty map when Scale omitted it. */
    public Map<String, Object> metadataOrEmpty() {
        return metadata == null ? Map.of() : metadata;
    }
}
