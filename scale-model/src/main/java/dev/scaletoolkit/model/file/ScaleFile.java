package dev.scaletoolkit.model.file;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file uploaded to or imported by Scale; use {@code attachment_url} as a task attachment. (Named so as not to clash with {@code java.io.File}.)
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record ScaleFile(
        @WireName("id") String id,
        @WireName("attachment_url") String attachmentUrl,
        @WireName("created_at") Instant createdAt,
        @WireName("updated_at") Instant updatedAt,
        @WireName("mime_type") String mimeType,
        @WireName("project_names") List<String> projectNames,
        @WireName("size") Long size,
        @WireName("display_name") String displayName,
        @WireName("reference_id") String referenceId,
        @WireName("metadata") Map<String, Object> metadata,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param id the {@code id} key
     * @param attachmentUrl the {@code attachment_url} key
     * @param createdAt the {@code created_at} key
     * @param updatedAt the {@code updated_at} key
     * @param mimeType the {@code mime_type} key
     * @param projectNames the {@code project_names} key
     * @param size the {@code size} key
     * @param displayName the {@code display_name} key
     * @param referenceId the {@code reference_id} key
     * @param metadata the {@code metadata} key
     * @param extra the keys this version does not model
     */
    public ScaleFile {
        Objects.requireNonNull(id, "id is missing in the ScaleFile JSON");
        projectNames = Extras.copyOrNull(projectNames);
        metadata = Extras.copyOrNull(metadata);
        extra = Extras.copy(extra);
    }

    /**
     * {@code project_names}, or an empty list when Scale omitted it.
     *
     * @return {@code project_names}, or an empty list when Scale omitted it
     */
    public List<String> projectNamesOrEmpty() {
        return projectNames == null ? List.of() : projectNames;
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
