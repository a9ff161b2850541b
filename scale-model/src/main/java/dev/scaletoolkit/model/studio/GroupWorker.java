package dev.scaletoolkit.model.studio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.Map;

/**
 * A labeler in a project group.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupWorker(
        @JsonProperty("id") String id,
        @JsonProperty("email") String email,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public GroupWorker {
        extra = Extras.copy(extra);
    }
}
