package dev.scaletoolkit.model.project;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import dev.scaletoolkit.model.task.TaskType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project: one use case bound to one task type, with its versioned default task parameters.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record Project(
        @WireName("name") String name,
        @WireName("type") TaskType type,
        @WireName("param_history") List<ParamVersion> paramHistory,
        @WireName("created_at") Instant createdAt,
        @WireName("archived") Boolean archived,
        @WireName("rapid") Boolean rapid,
        @WireName("studio") Boolean studio,
        @WireName("pipeline") String pipeline,
        @WireName("consensus_attempts") Integer consensusAttempts,
        @WireName("ontologies") List<OntologyVersion> ontologies,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param name the {@code name} key
     * @param type the {@code type} key
     * @param paramHistory the {@code param_history} key
     * @param createdAt the {@code created_at} key
     * @param archived the {@code archived} key
     * @param rapid the {@code rapid} key
     * @param studio the {@code studio} key
     * @param pipeline the {@code pipeline} key
     * @param consensusAttempts the {@code consensus_attempts} key
     * @param ontologies the {@code ontologies} key
     * @param extra the keys this version does not model
     */
    public Project {
        Objects.requireNonNull(name, "name is missing in the Project JSON");
        paramHistory = Extras.copyOrNull(paramHistory);
        ontologies = Extras.copyOrNull(ontologies);
        extra = Extras.copy(extra);
    }

    /**
     * {@code param_history}, or an empty list when Scale omitted it.
     *
     * @return {@code param_history}, or an empty list when Scale omitted it
     */
    public List<ParamVersion> paramHistoryOrEmpty() {
        return paramHistory == null ? List.of() : paramHistory;
    }

    /**
     * {@code ontologies}, or an empty list when Scale omitted it.
     *
     * @return {@code ontologies}, or an empty list when Scale omitted it
     */
    public List<OntologyVersion> ontologiesOrEmpty() {
        return ontologies == null ? List.of() : ontologies;
    }
}
