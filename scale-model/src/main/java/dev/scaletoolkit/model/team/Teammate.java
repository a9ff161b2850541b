package dev.scaletoolkit.model.team;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.Map;
import java.util.Objects;

/**
 * A member of the team (camelCase keys, as Scale sends them).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record Teammate(
        @WireName("email") String email,
        @WireName("role") TeammateRole role,
        @WireName("firstName") String firstName,
        @WireName("lastName") String lastName,
        @WireName("company") String company,
        @WireName("disableRapidEmails") Boolean disableRapidEmails,
        @WireName("isStudioLabeler") Boolean isStudioLabeler,
        @WireName("expiry") String expiry,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param email the {@code email} key
     * @param role the {@code role} key
     * @param firstName the {@code firstName} key
     * @param lastName the {@code lastName} key
     * @param company the {@code company} key
     * @param disableRapidEmails the {@code disableRapidEmails} key
     * @param isStudioLabeler the {@code isStudioLabeler} key
     * @param expiry the {@code expiry} key
     * @param extra the keys this version does not model
     */
    public Teammate {
        Objects.requireNonNull(email, "email is missing in the Teammate JSON");
        extra = Extras.copy(extra);
    }
}
