package dev.scaletoolkit.model.project;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.Map;

/**
 * A project's task template (text collection and chat projects).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record TaskTemplate(
        @WireName("id") String id,
        @WireName("version") Integer version,
        @WireName("created_at") Instant createdAt,
        @WireName("updated_at") Instant updatedAt,
        @WireName("template_variables") JsonValue templateVariables,
        @WireName("response_schema") JsonValue responseSchema,
        @WireName("auto_onboard_enabled") Boolean autoOnboardEnabled,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param id the {@code id} key
     * @param version the {@code version} key
     * @param createdAt the {@code created_at} key
     * @param updatedAt the {@code updated_at} key
     * @param templateVariables the {@code template_variables} key
     * @param responseSchema the {@code response_schema} key
     * @param autoOnboardEnabled the {@code auto_onboard_enabled} key
     * @param extra the keys this version does not model
     */
    public TaskTemplate {
        extra = Extras.copy(extra);
    }
}
