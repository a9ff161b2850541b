package dev.scaletoolkit.model.task;

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
 * A task as Scale returns it. {@code tags} and {@code unique_id} are null when the task has none (Scale omits the keys).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("type") TaskType type,
        @JsonProperty("status") TaskStatus status,
        @JsonProperty("instruction") String instruction,
        @JsonProperty("params") JsonValue params,
        @JsonProperty("callback_url") String callbackUrl,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("unique_id") String uniqueId,
        @JsonProperty("is_test") Boolean isTest,
        @JsonProperty("project") String project,
        @JsonProperty("batch") String batch,
        @JsonProperty("callback_succeeded") Boolean callbackSucceeded,
        @JsonProperty("response") JsonValue response,
        @JsonProperty("audits") List<Audit> audits,
        @JsonProperty("priority") Integer priority,
        @JsonProperty("project_param_version") Integer projectParamVersion,
        @JsonProperty("processed_attachments") List<JsonValue> processedAttachments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public Task {
        Objects.requireNonNull(taskId, "task_id is missing in the Task JSON");
        metadata = Extras.copyOrNull(metadata);
        tags = Extras.copyOrNull(tags);
        audits = Extras.copyOrNull(audits);
        processedAttachments = Extras.copyOrNull(processedAttachments);
        extra = Extras.copy(extra);
    }

    /** {@code metadata}, or an empty map when Scale omitted it. */
    public Map<String, Object> metadataOrEmpty() {
        return metadata == null ? Map.of() : metadata;
    }

    /** {@code tags}, or an empty list when Scale omitted it. */
    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    /** {@code audits}, or an empty list when Scale omitted it. */
    public List<Audit> auditsOrEmpty() {
        return audits == null ? List.of() : audits;
    }

    /** {@code processed_attachments}, or an empty list when Scale omitted it. */
    public List<JsonValue> processedAttachmentsOrEmpty() {
        return processedAttachments == null ? List.of() : processedAttachments;
    }
}
