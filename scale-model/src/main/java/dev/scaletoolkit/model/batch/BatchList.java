package dev.scaletoolkit.model.batch;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /batches} (offset paging).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record BatchList(
        @WireName("docs") List<Batch> docs,
        @WireName("totalDocs") Long totalDocs,
        @WireName("limit") Integer limit,
        @WireName("offset") Integer offset,
        @WireName("has_more") Boolean hasMore,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param docs the {@code docs} key
     * @param totalDocs the {@code totalDocs} key
     * @param limit the {@code limit} key
     * @param offset the {@code offset} key
     * @param hasMore the {@code has_more} key
     * @param extra the keys this version does not model
     */
    public BatchList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /**
     * {@code docs}, or an empty list when Scale omitted it.
     *
     * @return {@code docs}, or an empty list when Scale omitted it
     */
    public List<Batch> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
