package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.Map;

/**
 * One audit entry of a task (a customer or Scale accepted, rejected or fixed the work).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record Audit(
        @WireName("audited_by") String auditedBy,
        @WireName("audited_at") Instant auditedAt,
        @WireName("audit_time_secs") Number auditTimeSecs,
        @WireName("audit_result") AuditResult auditResult,
        @WireName("audit_source") String auditSource,
        @WireName("comments") String comments,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param auditedBy the {@code audited_by} key
     * @param auditedAt the {@code audited_at} key
     * @param auditTimeSecs the {@code audit_time_secs} key
     * @param auditResult the {@code audit_result} key
     * @param auditSource the {@code audit_source} key
     * @param comments the {@code comments} key
     * @param extra the keys this version does not model
     */
    public Audit {
        extra = Extras.copy(extra);
    }
}
