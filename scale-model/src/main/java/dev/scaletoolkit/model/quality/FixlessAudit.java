package dev.scaletoolkit.model.quality;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import dev.scaletoolkit.model.task.AuditResult;
import java.time.Instant;
import java.util.Map;

/**
 * A fixless audit: a reviewer's verdict on a task without a correction.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record FixlessAudit(
        @WireName("id") String id,
        @WireName("task_id") String taskId,
        @WireName("audited_by") String auditedBy,
        @WireName("audited_at") Instant auditedAt,
        @WireName("audit_result") AuditResult auditResult,
        @WireName("comments") String comments,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param id the {@code id} key
     * @param taskId the {@code task_id} key
     * @param auditedBy the {@code audited_by} key
     * @param auditedAt the {@code audited_at} key
     * @param auditResult the {@code audit_result} key
     * @param comments the {@code comments} key
     * @param extra the keys this version does not model
     */
    public FixlessAudit {
        extra = Extras.copy(extra);
    }
}
