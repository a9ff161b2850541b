package dev.scaletoolkit.model.project;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a project's {@code param_history}; the default task params it set are in {@link #extra()}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record ParamVersion(
        @WireName("version") Integer version,
        @WireName("created_at") Instant createdAt,
        @WireName("instruction") String instruction,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param version the {@code version} key
     * @param createdAt the {@code created_at} key
     * @param instruction the {@code instruction} key
     * @param extra the keys this version does not model
     */
    public ParamVersion {
        extra = Extras.copy(extra);
    }
}
