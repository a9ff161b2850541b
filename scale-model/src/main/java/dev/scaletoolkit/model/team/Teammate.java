package dev.scaletoolkit.model.team;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A member of the team (camelCase keys, as Scale sends them).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Teammate(
        @JsonProperty("email") String email,
        @JsonProperty("role") TeammateRole role,
        @JsonProperty("firstName") String firstName,
        @JsonProperty("lastName") String lastName,
        @JsonProperty("company") String company,
        @JsonProperty("disableRapidEmails") Boolean disableRapidEmails,
        @JsonProperty("isStudioLabeler") Boolean isStudioLabeler,
        @JsonProperty("expiry") String expiry,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public Teammate {
        Objects.requireNonNull(email, "email is missing in the Teammate JSON");
        extra = Extras.copy(extra);
    }
}
