package dev.scaletoolkit.model.project;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a project's {@code param_history}; the default task params it set are in {@link #extra()}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParamVersion(
        @JsonProperty("version") Integer version,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("instruction") String instruction,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public ParamVersion {
        extra = Extras.copy(extra);
    }
}
