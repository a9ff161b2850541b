package dev.scaletoolkit.model.quality;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /quality/labelers}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelerAttemptList(
        @JsonProperty("docs") List<LabelerAttempt> docs,
        @JsonProperty("next_token") String nextToken,
        @JsonProperty("has_more") Boolean hasMore,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public LabelerAttemptList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /** {@code docs}, or an empty list when Scale omitted it. */
    public List<LabelerAttempt> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
