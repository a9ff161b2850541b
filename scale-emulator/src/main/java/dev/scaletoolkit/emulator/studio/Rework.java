package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskAccess;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.task.TaskReviews;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rework loop. A manager's reject is the API's audit (an entry in the task's {@code audits}, the audit in
 * {@code GET /v1/audits}, {@code customer_review_status: rejected}) and, in the same transaction, sends the task back:
 * to the labeler who answered, or to anyone on the project. The task stays {@code completed} on the API with the
 * rejected answer until the labeler resubmits; the resubmission replaces the response through
 * {@link TaskCompletion#correct} (one new callback, the task back in the review queue). Every rejected attempt is
 * kept as the task's history.
 */
public final class Rework {
    /**
     * One rejected attempt.
     *
     * @param labeler who answered it (absent when no person did: the workforce, the control plane)
     * @param response the rejected answer, as JSON text
     * @param assignee who redoes it; absent means anyone assigned to the task's project
     * @param open whether it still waits for a resubmission
     */
    public record Attempt(
            String id,
            String accountId,
            String taskId,
            int attempt,
            Optional<String> labeler,
            String response,
            String comment,
            String rejectedBy,
            String rejectedAt,
            Optional<String> assignee,
            boolean open,
            Optional<String> resubmittedBy,
            Optional<String> resubmittedAt) {}

    /** A manager's reject: which task, who rejects, why, and whether it goes back to the same labeler. */
    public record Reject(Caller caller, String taskId, String manager, String comment, boolean toSameLabeler) {}

    private final EmulatorContext context;
    private final TaskReviews reviews;
    private final TaskCompletion completion;

    public Rework(EmulatorContext context, TaskReviews reviews, TaskCompletion completion) {
        this.context = context;
        this.reviews = reviews;
        this.completion = completion;
    }

    /** Rejects the completed task (the API's audit) and sends it back for rework, in one transaction. */
    public Attempt reject(Reject reject) {
        if (reject.comment().isBlank()) {
            throw ApiError.badRequest("comments: say what to change, so the labeler can fix it.");
        }
        return context.db().write(h -> {
            ObjectNode body = Docs.object();
            body.put("accepted", false);
            body.put("comments", reject.comment().strip());
            reviews.audit(reject.caller(), reject.taskId(), body, reject.manager());
            ObjectNode task = TaskAccess.require(h, reject.caller(), reject.taskId());
            String answeredBy = task.path("_completed_by").asString("");
            Optional<String> labeler = answeredBy.contains("@") ? Optional.of(answeredBy) : Optional.empty();
            // A second reject before the resubmission replaces the open one.
            ReworkStore.close(h, reject.taskId(), "SUPERSEDED", reject.manager(), context.now());
            Attempt a = new Attempt(
                    context.ids().objectId(),
                    reject.caller().accountId(),
                    reject.taskId(),
                    ReworkStore.count(h, reject.taskId()) + 1,
                    labeler,
                    Docs.write(task.path("response")),
                    reject.comment().strip(),
                    reject.manager(),
                    context.now(),
                    reject.toSameLabeler() ? labeler : Optional.empty(),
                    true,
                    Optional.empty(),
                    Optional.empty());
            ReworkStore.insert(h, a);
            return a;
        });
    }

    /** The task's open rework, if it is waiting for one. */
    public Optional<Attempt> open(String accountId, String taskId) {
        return context.db().read(h -> ReworkStore.open(h, accountId, taskId));
    }

    /** The open rework of the task that {@code email} may do (sent to them, or to anyone). */
    public Optional<Attempt> openFor(Handle h, String accountId, String taskId, String email) {
        return ReworkStore.open(h, accountId, taskId)
                .filter(a -> a.assignee().isEmpty() || a.assignee().get().equals(email));
    }

    /** As {@link #openFor(Handle, String, String, String)}, in a transaction of its own. */
    public Optional<Attempt> openFor(String accountId, String taskId, String email) {
        return context.db().read(h -> openFor(h, accountId, taskId, email));
    }

    /** The tasks waiting for {@code email}'s rework (theirs, then anyone's), oldest rejection first. */
    public List<Attempt> waitingFor(String accountId, String email) {
        return context.db().read(h -> ReworkStore.openFor(h, accountId, email));
    }

    /** The person who answered the task as it stands (kept with it, never sent to clients), if a person did. */
    public Optional<String> labelerOf(Caller caller, String taskId) {
        return context.db()
                .read(h -> TaskAccess.find(h, caller, taskId))
                .map(t -> t.path("_completed_by").asString(""))
                .filter(by -> by.contains("@"));
    }

    /** Every rejected attempt at the task, first to last. */
    public List<Attempt> history(String accountId, String taskId) {
        return context.db().read(h -> ReworkStore.history(h, accountId, taskId));
    }

    /**
     * The labeler's corrected answer, inside the caller's transaction: the response replaced through the completion
     * service and the rework closed.
     */
    public TaskCompletion.Result resubmit(Handle h, Caller caller, String taskId, JsonNode response, String email) {
        TaskCompletion.Result result = completion.correct(h, caller, taskId, response, email);
        if (result.finished() && !ReworkStore.close(h, taskId, "RESUBMITTED", email, context.now())) {
            throw ApiError.conflict("Task " + taskId + " was resubmitted by someone else first.");
        }
        return result;
    }
}
