package dev.scaletoolkit.model.file;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /files} (cursor paging).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileList(
        @JsonProperty("docs") List<ScaleFile> docs,
        @JsonProperty("next_cursor") String nextCursor,
        @JsonProperty("has_more") Boolean hasMore,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public FileList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /** {@code docs}, or an empty list when Scale omitted it. */
    public List<ScaleFile> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
