package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.studio.Drafts;
import dev.scaletoolkit.emulator.studio.Reservations;
import dev.scaletoolkit.emulator.studio.Rework;
import dev.scaletoolkit.emulator.task.TaskAccess;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The one place the UI finishes a task: the emulator's completion service (task, batch and callback in one
 * transaction), with the labeler's email recorded as who answered. The labeler must hold the task's reservation,
 * checked and given back (and their draft deleted) in that same transaction; {@code anyway} submits without one as long as nobody else
 * holds the task.
 */
final class TaskSubmission {
    /** Why a submission did not complete the task; the page keeps the labeler's answer for each. */
    enum Refusal {
        /** The labeler's lease ran out (nobody else holds the task). */
        LEASE_EXPIRED,
        /** Someone else holds the task now. */
        HELD_BY_OTHER,
        /** Someone finished or canceled the task first. */
        NOT_PENDING
    }

    /** What a submission did: empty refusal means the task is completed. */
    record Outcome(Optional<Refusal> refusal, Optional<Reservations.Lease> holder) {
        static final Outcome DONE = new Outcome(Optional.empty(), Optional.empty());

        static Outcome refused(Refusal why, Optional<Reservations.Lease> holder) {
            return new Outcome(Optional.of(why), holder);
        }
    }

    private final EmulatorContext context;
    private final TaskCompletion completion;
    private final Reservations reservations;
    private final Drafts drafts;
    private final Rework rework;
    private final Runnable callbacksQueued;

    TaskSubmission(
            EmulatorContext context,
            TaskCompletion completion,
            Reservations reservations,
            Drafts drafts,
            Rework rework,
            Runnable callbacksQueued) {
        this.rework = rework;
        this.drafts = drafts;
        this.context = context;
        this.completion = completion;
        this.reservations = reservations;
        this.callbacksQueued = callbacksQueued;
    }

    /** Completes a pending task with a labeler's response if their reservation allows it. */
    Outcome complete(Viewer viewer, String taskId, JsonNode response, boolean anyway) {
        Outcome outcome = context.db().write(h -> {
            // A task sent back for rework is answered again: its response is replaced, not completed twice.
            Optional<Rework.Attempt> rework = this.rework.openFor(h, viewer.accountId(), taskId, viewer.email());
            boolean pending = TaskAccess.find(h, viewer.caller(), taskId)
                    .map(t -> t.path("status").asString().equals("pending"))
                    .orElse(false);
            if (!pending && rework.isEmpty()) {
                return Outcome.refused(Refusal.NOT_PENDING, Optional.empty());
            }
            Optional<Reservations.Lease> holder = reservations.holder(h, taskId);
            boolean mine = holder.isPresent() && holder.get().email().equals(viewer.email());
            if (!mine && holder.isPresent()) {
                return Outcome.refused(Refusal.HELD_BY_OTHER, holder);
            }
            if (!mine && !anyway) {
                return Outcome.refused(Refusal.LEASE_EXPIRED, Optional.empty());
            }
            TaskCompletion.Result result = rework.isPresent()
                    ? this.rework.resubmit(h, viewer.caller(), taskId, response, viewer.email())
                    : completion.complete(h, viewer.caller(), taskId, response, viewer.email());
            return switch (result.outcome()) {
                case FINISHED -> {
                    reservations.giveBack(h, taskId, viewer.email());
                    drafts.discard(h, taskId, viewer.email());
                    yield Outcome.DONE;
                }
                case NOT_FOUND -> throw WebError.notFound("No task " + taskId + " in your team's account.");
                case NOT_PENDING -> Outcome.refused(Refusal.NOT_PENDING, Optional.empty());
            };
        });
        if (outcome.refusal().isEmpty()) {
            callbacksQueued.run();
        }
        return outcome;
    }
}
