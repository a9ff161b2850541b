package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.quality.AuditStore;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * What people did in the browser UI, for the dashboard: every answer submitted (a first answer or a rework) with
 * when the person started on it, recorded in the submitting transaction; and the per-labeler statistics read back
 * from it together with the managers' reviews ({@link LabelerStats}).
 */
public final class WorkLog {
    /** A first answer to a task. */
    public static final String ANSWER = "answer";

    /** A corrected answer after a reject. */
    public static final String REWORK = "rework";

    /** One of several people's answers to a consensus task (reviews judge the task's final answer, not these). */
    public static final String CONSENSUS = "consensus";

    /**
     * One submitted answer.
     *
     * @param project the task's project, or empty
     * @param kind {@link #ANSWER}, {@link #REWORK} or {@link #CONSENSUS}
     */
    public record Work(
            String taskId, String project, String email, String kind, Instant startedAt, Instant finishedAt) {
        /** How long the person worked on it. */
        public Duration time() {
            return Duration.between(startedAt, finishedAt);
        }
    }

    private final EmulatorContext context;

    public WorkLog(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Records an answer submitted now, inside the submitting transaction. The person started on it at the later of
     * the task's reservation and their previous submit: a task reserved ahead of time counts only from the moment
     * they could turn to it.
     *
     * @param reservedAt when the person's lease on the task began, or empty when they submitted without one
     */
    public void record(
            Handle h,
            String accountId,
            String taskId,
            String project,
            String email,
            String kind,
            Optional<Instant> reservedAt) {
        Instant now = context.clock().instant();
        Optional<Instant> previous = WorkStore.lastFinished(h, accountId, email);
        Instant started = reservedAt.orElse(previous.orElse(now));
        if (previous.isPresent() && previous.get().isAfter(started)) {
            started = previous.get();
        }
        if (started.isAfter(now)) {
            started = now;
        }
        WorkStore.insert(
                h,
                context.ids().objectId(),
                accountId,
                new Work(taskId, project == null ? "" : project, email, kind, started, now));
    }

    /** The account's answers submitted within {@code window} of now, oldest first. */
    public List<Work> recent(String accountId, Duration window) {
        long from = context.clock().instant().minus(window).toEpochMilli();
        return context.db().read(h -> WorkStore.since(h, accountId, from));
    }

    /**
     * Per-labeler statistics over the last {@code window}: the answers submitted in it, and the reviews (the API's
     * accepted or rejected audits) they received up to now.
     */
    public List<LabelerStats.Row> statistics(Caller caller, Duration window) {
        Instant now = context.clock().instant();
        long from = now.minus(window).toEpochMilli();
        return context.db().read(h -> {
            List<Work> work = WorkStore.since(h, caller.accountId(), from);
            return LabelerStats.compute(work, reviews(h, caller, work), window);
        });
    }

    /** A number that changes whenever someone submits an answer in the account (the live dashboard watches it). */
    public String version(String accountId) {
        return context.db().read(h -> WorkStore.version(h, accountId));
    }

    private static List<LabelerStats.Review> reviews(Handle h, Caller caller, List<Work> work) {
        List<String> tasks = new ArrayList<>(
                new LinkedHashSet<>(work.stream().map(Work::taskId).toList()));
        List<LabelerStats.Review> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i += 500) {
            List<String> chunk = tasks.subList(i, Math.min(tasks.size(), i + 500));
            AuditStore.forEachFixless(h, caller, chunk, List.of(), 100_000, doc -> {
                JsonNode audit =
                        dev.scaletoolkit.model.jackson.ScaleJson.mapper().readTree(doc);
                String result = audit.path("audit_result").asString("");
                Optional<Instant> at = ScaleTime.parse(audit.path("audited_at").asString(""));
                if (at.isPresent() && (result.equals("accepted") || result.equals("rejected"))) {
                    out.add(new LabelerStats.Review(
                            audit.path("task_id").asString(), at.get(), result.equals("accepted")));
                }
            });
        }
        return out;
    }
}
