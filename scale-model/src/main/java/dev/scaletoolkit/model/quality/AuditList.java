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
 * The answer of {@code GET /audits}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditList(
        @JsonProperty("docs") List<FixlessAudit> docs,
        @JsonProperty("next_token") String nextToken,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public AuditList {
        docs = Extras.copyOrNull(docs);
        extra = Extras.copy(extra);
    }

    /** {@code docs}, or an empty list when Scale omitted it. */
    public List<FixlessAudit> docsOrEmpty() {
        return docs == null ? List.of() : docs;
    }
}
