package dev.scaletoolkit.model.project;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ontology a project was set with; {@code ontology} holds strings or choice objects.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OntologyVersion(
        @JsonProperty("name") String name,
        @JsonProperty("version") Integer version,
        @JsonProperty("ontology") List<JsonValue> ontology,
        @JsonProperty("created_at") Instant createdAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public OntologyVersion {
        ontology = Extras.copyOrNull(ontology);
        extra = Extras.copy(extra);
    }

    /** {@code ontology}, or an empty list when Scale omitted it. */
    public List<JsonValue> ontologyOrEmpty() {
        return ontology == null ? List.of() : ontology;
    }
}
