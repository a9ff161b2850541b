package dev.scaletoolkit.model.quality;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.AuditResult;
import java.time.Instant;
import java.util.Map;

/**
 * A fixless audit: a reviewer's verdict on a task without a correction.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FixlessAudit(
        @JsonProperty("id") String id,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("audited_by") String auditedBy,
        @JsonProperty("audited_at") Instant auditedAt,
        @JsonProperty("audit_result") AuditResult auditResult,
        @JsonProperty("comments") String comments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> extra) {

    public FixlessAudit {
        extra = Extras.copy(extra);
    }
}
