package dev.scaletoolkit.model.quality;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.time.Instant;
import java.util.Map;

/**
 * A labeler's attempt at a quality (training or evaluation) task.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record LabelerAttempt(
        @WireName("labeler_email") String labelerEmail,
        @WireName("quality_task_id") String qualityTaskId,
        @WireName("task_id") String taskId,
        @WireName("score") Number score,
        @WireName("passed") Boolean passed,
        @WireName("attempted_at") Instant attemptedAt,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param labelerEmail the {@code labeler_email} key
     * @param qualityTaskId the {@code quality_task_id} key
     * @param taskId the {@code task_id} key
     * @param score the {@code score} key
     * @param passed the {@code passed} key
     * @param attemptedAt the {@code attempted_at} key
     * @param extra the keys this version does not model
     */
    public LabelerAttempt {
        extra = Extras.copy(extra);
    }
}
