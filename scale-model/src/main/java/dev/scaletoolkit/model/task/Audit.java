package dev.scaletoolkit.model.task;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import java.time.Instant;
import java.util.Map;

/**
 * One audit entry of a task (a customer or Scale accepted, rejected or fixed the work).
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Audit(
        @JsonProperty("audited_by") String auditedBy,
        @JsonProperty("audited_at") Instant auditedAt,
        @JsonProperty("audit_time_secs") Number auditTimeSecs,
        @JsonProperty("audit_result") AuditResult auditResult,
        @JsonProperty("audit_source") String auditSource,
        @JsonProperty("comments") String comments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public Audit {
        extra = Extras.copy(extra);
    }
}
