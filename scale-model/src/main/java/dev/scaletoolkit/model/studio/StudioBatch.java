package dev.scaletoolkit.model.studio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pending Studio batch, in priority order.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudioBatch(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("projectId") String projectId,
        @JsonProperty("projectName") String projectName,
        @JsonProperty("batchType") StudioBatchType batchType,
        @JsonProperty("studioPriority") Integer studioPriority,
        @JsonProperty("total") Integer total,
        @JsonProperty("completed") Integer completed,
        @JsonProperty("groups") List<String> groups,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public StudioBatch {
        Objects.requireNonNull(name, "name is missing in the StudioBatch JSON");
        groups = Extras.copyOrNull(groups);
        extra = Extras.copy(extra);
    }

    /** {@code groups}, or an empty list when Scale omitted it. */
    public List<String> groupsOrEmpty() {
        return groups == null ? List.of() : groups;
    }
}
