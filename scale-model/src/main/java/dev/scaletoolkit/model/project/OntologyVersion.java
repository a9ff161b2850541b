package dev.scaletoolkit.model.project;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ontology a project was set with; {@code ontology} holds strings or choice objects.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record OntologyVersion(
        @WireName("name") String name,
        @WireName("version") Integer version,
        @WireName("ontology") List<JsonValue> ontology,
        @WireName("created_at") Instant createdAt,
        @WireExtra Map<String, JsonValue> extra) {

    public OntologyVersion {
        ontology = Extras.copyOrNull(ontology);
        extra = Extras.copy(extra);
    }

    /** {@code ontology}, or an empty list when Scale omitted it. */
    public List<JsonValue> ontologyOrEmpty() {
        return ontology == null ? List.of() : ontology;
    }
}
