package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.quality.AuditStore;
import dev.scaletoolkit.emulator.quality.QualityAttemptStore;
import dev.scaletoolkit.emulator.response.Dice;
import dev.scaletoolkit.emulator.response.Responses;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.emulator.team.TeamStore;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paper trail of simulated labelling, written in the completing transaction so the quality and audit
 * endpoints have something true to report: labelers' training attempts on calibration tasks (and one attempt per
 * labeler when a task asks for several responses), and now and then a review by Scale's own auditors.
 *
 * <p>Labelers are the account's active Studio labelers when it has any, otherwise a fixed pool of made-up
 * addresses under {@code workforce.example}.
 */
public final class QualityRecords {
    /** Share of completed tasks that a Scale reviewer audits. */
    static final double AUDIT_RATE = 0.2;
    /** Score from which a training attempt passes. */
    static final int PASSING_SCORE = 80;

    private static final int POOL_SIZE = 12;

    private QualityRecords() {}

    /** Records attempts and maybe an audit for {@code task}, which has just been completed. */
    public static void afterCompletion(
            Handle h, EmulatorContext context, long seed, String accountId, boolean testMode, ObjectNode task) {
        String taskId = task.path("task_id").asString("");
        int required = Responses.requiredResponses(task.get("params"));
        if (isCalibration(h, accountId, testMode, task) || required > 1) {
            recordAttempts(h, context, accountId, testMode, task, required, new Dice(seed, taskId + "#quality"));
        }
        Dice audit = new Dice(seed, taskId + "#audit");
        if (audit.chance(AUDIT_RATE)) {
            recordAudit(h, context, accountId, testMode, task, audit);
        }
    }

    private static boolean isCalibration(Handle h, String accountId, boolean testMode, ObjectNode task) {
        if (!task.hasNonNull("batch")) {
            return false;
        }
        return BatchStore.find(
                        h, new Caller(accountId, testMode), task.get("batch").asString())
                .map(b -> b.path("calibration_batch").asBoolean(false))
                .orElse(false);
    }

    private static void recordAttempts(
            Handle h,
            EmulatorContext context,
            String accountId,
            boolean testMode,
            ObjectNode task,
            int count,
            Dice dice) {
        String now = context.now();
        String taskId = task.path("task_id").asString("");
        for (String labeler : dice.pickDistinct(labelers(h, accountId), count)) {
            int score = dice.between(55, 100);
            ObjectNode doc = Docs.object();
            String id = context.ids().objectId();
            doc.put("id", id);
            doc.put("quality_task_id", taskId);
            doc.put("labeler_email", labeler);
            doc.put("score", score);
            doc.put("passed", score >= PASSING_SCORE);
            doc.put("task_type", task.path("type").asString(""));
            if (task.hasNonNull("project")) {
                doc.put("project", task.get("project").asString());
            }
            if (task.hasNonNull("batch")) {
                doc.put("batch", task.get("batch").asString());
            }
            doc.put("time_spent_secs", dice.between(30, 900));
            doc.put("created_at", now);
            QualityAttemptStore.insert(h, new Caller(accountId, testMode), id, taskId, labeler, now, doc);
        }
    }

    private static void recordAudit(
            Handle h, EmulatorContext context, String accountId, boolean testMode, ObjectNode task, Dice dice) {
        String now = context.now();
        String taskId = task.path("task_id").asString("");
        String result = dice.chance(0.8) ? "accepted" : "fixed";
        ObjectNode entry = Docs.object();
        entry.put("audited_by", "reviewer-" + dice.between(1, 5) + "@workforce.example");
        entry.put("audited_at", now);
        entry.put("audit_time_secs", dice.between(20, 600));
        entry.put("audit_result", result);
        entry.put("audit_source", "scale");

        ObjectNode doc = entry.deepCopy();
        String id = context.ids().objectId();
        doc.put("id", id);
        doc.put("task_id", taskId);
        if (result.equals("fixed")) {
            doc.put("comments", "Reviewer adjusted the labels before delivery.");
        }
        AuditStore.insert(h, new Caller(accountId, testMode), "scale", result, now, doc);
        if (task.hasNonNull("batch")) {
            BatchStore.markAudited(
                    h, new Caller(accountId, testMode), task.get("batch").asString(), now);
        }

        ArrayNode audits = task.has("audits") && task.get("audits").isArray()
                ? (ArrayNode) task.get("audits")
                : task.putArray("audits");
        audits.add(entry);
        TaskStore.save(h, task);
    }

    /** The account's active Studio labelers, or the made-up pool. */
    private static List<String> labelers(Handle h, String accountId) {
        List<String> team = TeamStore.activeEmails(h, accountId, "labeler");
        if (!team.isEmpty()) {
            return team;
        }
        List<String> pool = new ArrayList<>();
        for (int i = 1; i <= POOL_SIZE; i++) {
            pool.add(String.format("labeler-%02d@workforce.example", i));
        }
        return pool;
    }
}
