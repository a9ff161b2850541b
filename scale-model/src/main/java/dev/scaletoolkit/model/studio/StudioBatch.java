package dev.scaletoolkit.model.studio;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pending Studio batch, in priority order.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record StudioBatch(
        @WireName("id") String id,
        @WireName("name") String name,
        @WireName("projectId") String projectId,
        @WireName("projectName") String projectName,
        @WireName("batchType") StudioBatchType batchType,
        @WireName("studioPriority") Integer studioPriority,
        @WireName("total") Integer total,
        @WireName("completed") Integer completed,
        @WireName("groups") List<String> groups,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param id the {@code id} key
     * @param name the {@code name} key
     * @param projectId the {@code projectId} key
     * @param projectName the {@code projectName} key
     * @param batchType the {@code batchType} key
     * @param studioPriority the {@code studioPriority} key
     * @param total the {@code total} key
     * @param completed the {@code completed} key
     * @param groups the {@code groups} key
     * @param extra the keys this version does not model
     */
    public StudioBatch {
        Objects.requireNonNull(name, "name is missing in the StudioBatch JSON");
        groups = Extras.copyOrNull(groups);
        extra = Extras.copy(extra);
    }

    /**
     * {@code groups}, or an empty list when Scale omitted it.
     *
     * @return {@code groups}, or an empty list when Scale omitted it
     */
    public List<String> groupsOrEmpty() {
        return groups == null ? List.of() : groups;
    }
}
