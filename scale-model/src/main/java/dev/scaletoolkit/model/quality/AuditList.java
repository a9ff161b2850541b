package dev.scaletoolkit.model.quality;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /audits}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record AuditList(
        @WireName("docs") List<FixlessAudit> docs,
        @WireName("next_token") String nextToken,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param docs the {@code docs} key
     * @param nextToken the {@code next_token} key
     * @param extra the keys this version does not model
     */
    public AuditList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /**
     * {@code docs}, or an empty list when Scale omitted it.
     *
     * @return {@code docs}, or an empty list when Scale omitted it
     */
    public List<FixlessAudit> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
