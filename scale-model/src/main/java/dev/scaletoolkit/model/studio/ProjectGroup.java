package dev.scaletoolkit.model.studio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * A group of labelers within a Studio project.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectGroup(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("numWorkers") Integer numWorkers,
        @JsonProperty("isSingleton") Boolean isSingleton,
        @JsonProperty("workers") List<GroupWorker> workers,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public ProjectGroup {
        workers = Extras.copyOrNull(workers);
        extra = Extras.copy(extra);
    }

    /** {@code workers}, or an empty list when Scale omitted it. */
    public List<GroupWorker> workersOrEmpty() {
        return workers == null ? List.of() : workers;
    }
}
