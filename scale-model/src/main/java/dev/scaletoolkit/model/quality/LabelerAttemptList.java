package dev.scaletoolkit.model.quality;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /quality/labelers}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record LabelerAttemptList(
        @WireName("docs") List<LabelerAttempt> docs,
        @WireName("next_token") String nextToken,
        @WireName("has_more") Boolean hasMore,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param docs the {@code docs} key
     * @param nextToken the {@code next_token} key
     * @param hasMore the {@code has_more} key
     * @param extra the keys this version does not model
     */
    public LabelerAttemptList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /**
     * {@code docs}, or an empty list when Scale omitted it.
     *
     * @return {@code docs}, or an empty list when Scale omitted it
     */
    public List<LabelerAttempt> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
