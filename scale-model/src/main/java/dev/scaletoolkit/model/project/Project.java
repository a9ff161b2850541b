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

    public Project {
        Objects.requireNonNull(name, "name is missing in the Project JSON");
        paramHistory = Extras.copyOrNull(paramHistory);
        ontologies = Extras.copyOrNull(ontologies);
        extra = Extras.copy(extra);
    }

    /** {@code param_history}, or an empty list when Scale omitted it. */
    public List<ParamVersion> paramHistoryOrEmpty() {
        return paramHistory == null ? List.of() : paramHistory;
    }

    /** {@code ontologies}, or an empty list when Scale omitted it. */
    public List<OntologyVersion> ontologiesOrEmpty() {
        return ontologies == null ? List.of() : ontologies;
    }
}
