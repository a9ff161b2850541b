package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /tasks}: the tasks, the total count and the token of the next page.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record TaskList(
        @WireName("docs") List<Task> docs,
        @WireName("total") Long total,
        @WireName("limit") Integer limit,
        @WireName("offset") Integer offset,
        @WireName("has_more") Boolean hasMore,
        @WireName("next_token") String nextToken,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param docs the {@code docs} key
     * @param total the {@code total} key
     * @param limit the {@code limit} key
     * @param offset the {@code offset} key
     * @param hasMore the {@code has_more} key
     * @param nextToken the {@code next_token} key
     * @param extra the keys this version does not model
     */
    public TaskList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /**
     * {@code docs}, or an empty list when Scale omitted it.
     *
     * @return {@code docs}, or an empty list when Scale omitted it
     */
    public List<Task> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
