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

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param taskId the {@code task_id} key
     * @param createdAt the {@code created_at} key
     * @param updatedAt the {@code updated_at} key
     * @param completedAt the {@code completed_at} key
     * @param type the {@code type} key
     * @param status the {@code status} key
     * @param instruction the {@code instruction} key
     * @param params the {@code params} key
     * @param callbackUrl the {@code callback_url} key
     * @param metadata the {@code metadata} key
     * @param tags the {@code tags} key
     * @param uniqueId the {@code unique_id} key
     * @param isTest the {@code is_test} key
     * @param project the {@code project} key
     * @param batch the {@code batch} key
     * @param callbackSucceeded the {@code callback_succeeded} key
     * @param response the {@code response} key
     * @param audits the {@code audits} key
     * @param priority the {@code priority} key
     * @param projectParamVersion the {@code project_param_version} key
     * @param processedAttachments the {@code processed_attachments} key
     * @param extra the keys this version does not model
     */
    public Task {
        Objects.requireNonNull(taskId, "task_id is missing in the Task JSON");
        metadata = Extras.copyOrNull(metadata);
        tags = Extras.copyOrNull(tags);
        audits = Extras.copyOrNull(audits);
        processedAttachments = Extras.copyOrNull(processedAttachments);
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

    /**
     * {@code tags}, or an empty list when Scale omitted it.
     *
     * @return {@code tags}, or an empty list when Scale omitted it
     */
    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    /**
     * {@code audits}, or an empty list when Scale omitted it.
     *
     * @return {@code audits}, or an empty list when Scale omitted it
     */
    public List<Audit> auditsOrEmpty() {
        return audits == null ? List.of() : audits;
    }

    /**
     * {@code processed_attachments}, or an empty list when Scale omitted it.
     *
     * @return {@code processed_attachments}, or an empty list when Scale omitted it
     */
    public List<JsonValue> processedAttachmentsOrEmpty() {
        return processedAttachments == null ? List.of() : processedAttachments;
    }
}
