package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task as Scale returns it. {@code tags} and {@code unique_id} are null when the task has none (Scale omits the keys).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record Task(
        @WireName("task_id") String taskId,
        @WireName("created_at") Instant createdAt,
        @WireName("updated_at") Instant updatedAt,
        @WireName("completed_at") Instant completedAt,
        @WireName("type") TaskType type,
        @WireName("status") TaskStatus status,
        @WireName("instruction") String instruction,
        @WireName("params") JsonValue params,
        @WireName("callback_url") String callbackUrl,
        @WireName("metadata") Map<String, Object> metadata,
        @WireName("tags") List<String> tags,
        @WireName("unique_id") String uniqueId,
        @WireName("is_test") Boolean isTest,
        @WireName("project") String project,
        @WireName("batch") String batch,
        @WireName("callback_succeeded") Boolean callbackSucceeded,
        @WireName("response") JsonValue response,
        @WireName("audits") List<Audit> audits,
        @WireName("priority") Integer priority,
        @WireName("project_param_version") Integer projectParamVersion,
        @WireName("processed_attachments") List<JsonValue> processedAttachments,
        @WireExtra Map<String, JsonValue> extra) {

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
