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
 * A project's task template (text collection and chat projects).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskTemplate(
        @JsonProperty("id") String id,
        @JsonProperty("version") Integer version,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("template_variables") JsonValue templateVariables,
        @JsonProperty("response_schema") JsonValue responseSchema,
        @JsonProperty("auto_onboard_enabled") Boolean autoOnboardEnabled,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public TaskTemplate {
        extra = Extras.copy(extra);
    }
}
