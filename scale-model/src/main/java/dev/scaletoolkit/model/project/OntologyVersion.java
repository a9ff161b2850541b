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

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param name the {@code name} key
     * @param version the {@code version} key
     * @param ontology the {@code ontology} key
     * @param createdAt the {@code created_at} key
     * @param extra the keys this version does not model
     */
    public OntologyVersion {
        ontology = Extras.copyOrNull(ontology);
        extra = Extras.copy(extra);
    }

    /**
     * {@code ontology}, or an empty list when Scale omitted it.
     *
     * @return {@code ontology}, or an empty list when Scale omitted it
     */
    public List<JsonValue> ontologyOrEmpty() {
        return ontology == null ? List.of() : ontology;
    }
}
