package dev.scaletoolkit.model.task;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /tasks}: the tasks, the total count and the token of the next page.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskList(
        @JsonProperty("docs") List<Task> docs,
        @JsonProperty("total") Long total,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("offset") Integer offset,
        @JsonProperty("has_more") Boolean hasMore,
        @JsonProperty("next_token") String nextToken,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public TaskList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /** {@code docs}, or an empty list when Scale omitted it. */
    public List<Task> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
