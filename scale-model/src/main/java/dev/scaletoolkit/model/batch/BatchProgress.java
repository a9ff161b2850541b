package dev.scaletoolkit.model.batch;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.Map;

/**
 * The answer of {@code GET /batches/{name}/status}: the batch status and task counts per status. A count Scale
 * leaves out reads as 0, never null.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchProgress(
        @JsonProperty("status") BatchStatus status,
        @JsonProperty("pending") int pending,
        @JsonProperty("completed") int completed,
        @JsonProperty("error") int error,
        @JsonProperty("canceled") int canceled,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public BatchProgress {
        extra = Extras.copy(extra);
    }
}
