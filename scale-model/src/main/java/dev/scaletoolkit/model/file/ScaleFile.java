package dev.scaletoolkit.model.file;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file uploaded to or imported by Scale; use {@code attachment_url} as a task attachment. (Named so as not to clash with {@code java.io.File}.)
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaleFile(
        @JsonProperty("id") String id,
        @JsonProperty("attachment_url") String attachmentUrl,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("mime_type") String mimeType,
        @JsonProperty("project_names") List<String> projectNames,
        @JsonProperty("size") Long size,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("reference_id") String referenceId,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public ScaleFile {
        Objects.requireNonNull(id, "id is missing in the ScaleFile JSON");
        projectNames = Extras.copyOrNull(projectNames);
        metadata = Extras.copyOrNull(metadata);
        extra = Extras.copy(extra);
    }

    /** {@code project_names}, or an empty list when Scale omitted it. */
    public List<String> projectNamesOrEmpty() {
        return projectNames == null ? List.of() : projectNames;
    }

    /** {@code metadata}, or an empty map when Scale omitted it. */
    public Map<String, Object> metadataOrEmpty() {
        return metadata == null ? Map.of() : metadata;
    }
}
