package dev.scaletoolkit.model.batch;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /batches} (offset paging).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchList(
        @JsonProperty("docs") List<Batch> docs,
        @JsonProperty("totalDocs") Long totalDocs,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("offset") Integer offset,
        @JsonProperty("has_more") Boolean hasMore,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public BatchList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /** {@code docs}, or an empty list when Scale omitted it. */
    public List<Batch> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
