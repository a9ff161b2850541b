package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.task.TaskAccess;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * The one place the browser UI finishes a task: the emulator's completion service (task, batch and callback in one
 * transaction), with the labeler's email recorded as who answered. The labeler must hold the task's reservation,
 * checked and given back (and their draft deleted) in that same transaction; a task sent back for rework is
 * answered again through {@link Rework#resubmit}; {@code anyway} submits without one as long as nobody else
 * holds the task. An answer to a consensus task ({@code labelers_per_task} above 1) goes to {@link Consensus}
 * instead, which completes the task once the answers agree or a manager decides.
 */
public final class LabelerSubmissions {
    /** Why a submission did not complete the task; the page keeps the labeler's answer for each. */
    public enum Refusal {
        /** The labeler's lease ran out (nobody else holds the task). */
        LEASE_EXPIRED,
        /** Someone else holds the task now. */
        HELD_BY_OTHER,
        /** Someone finished or canceled the task first. */
        NOT_PENDING
    }

    /**
     * What a submission did: empty refusal means it was taken.
     *
     * @param consensus for a consensus task, what the answer did (the task is completed only on
     *     {@link Consensus.Step#COMPLETED})
     */
    public record Outcome(
            Optional<Refusal> refusal, Optional<Reservations.Lease> holder, Optional<Consensus.Step> consensus) {
        static final Outcome DONE = new Outcome(Optional.empty(), Optional.empty(), Optional.empty());

        static Outcome refused(Refusal why, Optional<Reservations.Lease> holder) {
            return new Outcome(Optional.of(why), holder, Optional.empty());
        }
    }

    private final EmulatorContext context;
    private final TaskCompletion completion;
    private final Reservations reservations;
    private final Drafts drafts;
    private final Rework rework;
    private final WorkLog work;
    private final Consensus consensus;
    private final Runnable callbacksQueued;

    public LabelerSubmissions(
            EmulatorContext context,
            TaskCompletion completion,
            Reservations reservations,
            Drafts drafts,
            Rework rework,
            Consensus consensus,
            WorkLog work,
            Runnable callbacksQueued) {
        this.work = work;
        this.consensus = consensus;
        this.drafts = drafts;
        this.rework = rework;
        this.context = context;
        this.completion = completion;
        this.reservations = reservations;
        this.callbacksQueued = callbacksQueued;
    }

    private static String project(Handle h, Caller caller, String taskId) {
        return TaskAccess.find(h, caller, taskId)
                .map(t -> t.path("project").asString(""))
                .orElse("");
    }

    /** Completes a pending task with a labeler's response if their reservation allows it. */
    public Outcome complete(Caller caller, String email, String taskId, JsonNode response, boolean anyway) {
        Outcome outcome = context.db().write(h -> {
            // A task sent back for rework is answered again: its response is replaced, not completed twice.
            Optional<Rework.Attempt> sentBack = rework.openFor(h, caller.accountId(), taskId, email);
            boolean pending = TaskAccess.find(h, caller, taskId)
                    .map(t -> t.path("status").asString().equals("pending"))
                    .orElse(false);
            if (!pending && sentBack.isEmpty()) {
                return Outcome.refused(Refusal.NOT_PENDING, Optional.empty());
            }
            Reservations.Standing standing = reservations.standing(h, caller.accountId(), taskId, email);
            if (!standing.mine() && standing.blocker().isPresent()) {
                return Outcome.refused(Refusal.HELD_BY_OTHER, standing.blocker());
            }
            if (!standing.mine() && !anyway) {
                return Outcome.refused(Refusal.LEASE_EXPIRED, Optional.empty());
            }
            // For the dashboard's statistics: who answered, and from when they worked on it.
            Optional<java.time.Instant> started =
                    reservations.leaseOf(h, taskId, email).map(Reservations.Lease::reservedAt);
            if (sentBack.isEmpty()
                    && consensus.settings(h, caller.accountId(), taskId).consensus()) {
                // One of several answers: kept apart; the task completes only when they agree or a manager decides.
                work.record(
                        h, caller.accountId(), taskId, project(h, caller, taskId), email, WorkLog.CONSENSUS, started);
                Consensus.Step step = consensus.answer(h, caller, taskId, email, response);
                return new Outcome(Optional.empty(), Optional.empty(), Optional.of(step));
            }
            TaskCompletion.Result result = sentBack.isPresent()
                    ? rework.resubmit(h, caller, taskId, response, email)
                    : completion.complete(h, caller, taskId, response, email);
            return switch (result.outcome()) {
                case FINISHED -> {
                    work.record(
                            h,
                            caller.accountId(),
                            taskId,
                            project(h, caller, taskId),
                            email,
                            sentBack.isPresent() ? WorkLog.REWORK : WorkLog.ANSWER,
                            started);
                    reservations.giveBack(h, taskId, email);
                    drafts.discard(h, taskId, email);
                    yield Outcome.DONE;
                }
                case NOT_FOUND -> throw ApiError.notFound("No task " + taskId + " in your team's account.");
                case NOT_PENDING -> Outcome.refused(Refusal.NOT_PENDING, Optional.empty());
            };
        });
        if (outcome.refusal().isEmpty()
                && outcome.consensus().map(c -> c == Consensus.Step.COMPLETED).orElse(true)) {
            callbacksQueued.run();
        }
        return outcome;
    }
}
