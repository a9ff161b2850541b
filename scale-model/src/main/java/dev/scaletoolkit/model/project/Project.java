package dev.scaletoolkit.model.project;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
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
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(
        @JsonProperty("name") String name,
        @JsonProperty("type") TaskType type,
        @JsonProperty("param_history") List<ParamVersion> paramHistory,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("archived") Boolean archived,
        @JsonProperty("rapid") Boolean rapid,
        @JsonProperty("studio") Boolean studio,
        @JsonProperty("pipeline") String pipeline,
        @JsonProperty("consensus_attempts") Integer consensusAttempts,
        @JsonProperty("ontologies") List<OntologyVersion> ontologies,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

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
