package dev.scaletoolkit.model.batch;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A batch: a named group of tasks in one project.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record Batch(
        @WireName("name") String name,
        @WireName("project") String project,
        @WireName("status") BatchStatus status,
        @WireName("callback") String callback,
        @WireName("created_at") Instant createdAt,
        @WireName("updated_at") Instant updatedAt,
        @WireName("completed_at") Instant completedAt,
        @WireName("metadata") Map<String, Object> metadata,
        @WireName("id") String id,
        @WireName("calibration_batch") Boolean calibrationBatch,
        @WireName("self_label_batch") Boolean selfLabelBatch,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param name the {@code name} key
     * @param project the {@code project} key
     * @param status the {@code status} key
     * @param callback the {@code callback} key
     * @param createdAt the {@code created_at} key
     * @param updatedAt the {@code updated_at} key
     * @param completedAt the {@code completed_at} key
     * @param metadata the {@code metadata} key
     * @param id the {@code id} key
     * @param calibrationBatch the {@code calibration_batch} key
     * @param selfLabelBatch the {@code self_label_batch} key
     * @param extra the keys this version does not model
     */
    public Batch {
        Objects.requireNonNull(name, "name is missing in the Batch JSON");
        metadata = Extras.copyOrNull(metadata);
        extra = Extras.copy(extra);
    }

    /**
     * {@code metadata}, or an empty map when Scale omitted it.
     *
     * @return {@code metadata}, or an empty map when Scale omitted it
     */
    public Map<String, Object> metadataOrEmpty() {
        return metadata == null ? Map.of() : metadata;
    }
}
