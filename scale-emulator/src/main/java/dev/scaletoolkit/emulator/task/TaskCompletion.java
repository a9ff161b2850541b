package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.callback.CallbackStore;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finishes tasks: the one service that completes or fails a pending task. In one transaction it stores the
 * response, queues the task's callback, settles the task's batch (completing it when this was its last pending
 * task) and queues the batch's callback after the task's. The workforce, the control plane and the labeling UI
 * all call it.
 *
 * <p>Only one caller wins a task: the status change is a conditional update, so two completers (threads or nodes
 * sharing one database) never both finish it; the loser gets {@link Outcome#NOT_PENDING} with the task as it is.
 */
public final class TaskCompletion {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskCompletion.class);

    /** Who answered a task when no response is given: the simulated labelers. */
    public interface Labeler {
        /** A response for the task (its wire JSON). */
        JsonNode respond(ObjectNode task);

        /** Records what the labelers leave behind (quality attempts, audits), in the completing transaction. */
        void recordTrail(Handle h, Caller owner, ObjectNode completedTask);
    }

    /** What a call to finish a task did. */
    public enum Outcome {
        /** This call finished the task. */
        FINISHED,
        /** No such task (in the caller's account and mode, when one was given). */
        NOT_FOUND,
        /** The task had already left {@code pending}; {@link Result#task} shows it as it is. */
        NOT_PENDING
    }

    /**
     * The outcome and the task's wire JSON as it is afterwards (absent when not found).
     *
     * @param batch the task's batch if this call completed it, else empty
     */
    public record Result(Outcome outcome, Optional<ObjectNode> task, Optional<ObjectNode> batch) {
        public boolean finished() {
            return outcome == Outcome.FINISHED;
        }
    }

    private final EmulatorContext context;
    private final BatchSettlement batches;
    private final Labeler labeler;
    private final Runnable callbacksQueued;

    /**
     * @param callbacksQueued run after a commit that queued callbacks (wakes the dispatcher)
     */
    public TaskCompletion(EmulatorContext context, BatchSettlement batches, Labeler labeler, Runnable callbacksQueued) {
        this.context = context;
        this.batches = batches;
        this.labeler = labeler;
        this.callbacksQueued = callbacksQueued;
    }

    /**
     * Completes the caller's pending task with {@code response}, or with a generated response (and the simulated
     * labelers' trail) when {@code response} is null.
     *
     * @param owner the account and mode the task must belong to, or null for any (the control plane)
     * @param completedBy who answered, kept with the task (for example {@code workforce}, {@code control-plane} or a
     *     labeler's email); never sent to clients
     */
    public Result complete(Caller owner, String taskId, JsonNode response, String completedBy) {
        return run(h -> complete(h, owner, taskId, response, completedBy));
    }

    /**
     * Completes each of {@code taskIds} that is still pending with a generated response, all in one transaction,
     * so a backlog costs one commit per call instead of one per task. Each task has its own savepoint: one that
     * fails is logged and left pending, the others still complete. Stops early when {@code keepGoing} turns false.
     *
     * @return how many tasks this call completed
     */
    public int completeAll(List<String> taskIds, String completedBy, java.util.function.BooleanSupplier keepGoing) {
        int done = context.db().write(h -> {
            int n = 0;
            for (String id : taskIds) {
                if (!keepGoing.getAsBoolean()) {
                    break;
                }
                try {
                    // A write inside a write joins it under a savepoint of its own.
                    if (context.db()
                            .write(inner -> complete(inner, null, id, null, completedBy))
                            .finished()) {
                        n++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not complete task {} ({}); it stays pending", id, e.toString());
                }
            }
            return n;
        });
        if (done > 0) {
            callbacksQueued.run();
        }
        return done;
    }

    /** {@link #complete(Caller, String, JsonNode, String)} for a task of any account. */
    public Result complete(String taskId, JsonNode response, String completedBy) {
        return complete(null, taskId, response, completedBy);
    }

    /** Moves the caller's pending task to {@code error} with {@code {"error": message}} as its response. */
    public Result fail(Caller owner, String taskId, String message, String completedBy) {
        return run(h -> fail(h, owner, taskId, message, completedBy));
    }

    /** {@link #fail(Caller, String, String, String)} for a task of any account. */
    public Result fail(String taskId, String message, String completedBy) {
        return fail(null, taskId, message, completedBy);
    }

    /** As {@link #complete(Caller, String, JsonNode, String)}, inside a write transaction the caller holds. */
    public Result complete(Handle h, Caller owner, String taskId, JsonNode response, String completedBy) {
        return finish(h, owner, taskId, "completed", response, completedBy, true);
    }

    /**
     * Completes a task just created with a test key, inside its creating transaction: a generated response and no
     * labeler trail, since no labeler saw it.
     */
    Result completeTestTask(Handle h, Caller owner, String taskId) {
        return finish(h, owner, taskId, "completed", null, "test-mode", false);
    }

    /** As {@link #fail(Caller, String, String, String)}, inside a write transaction the caller holds. */
    public Result fail(Handle h, Caller owner, String taskId, String message, String completedBy) {
        ObjectNode details = Docs.object();
        details.put("error", message);
        return finish(h, owner, taskId, "error", details, completedBy, false);
    }

    private Result run(java.util.function.Function<Handle, Result> work) {
        Result result = context.db().write(work::apply);
        if (result.finished()) {
            callbacksQueued.run();
        }
        return result;
    }

    /**
     * Replaces a completed task's response with a corrected one, as after an audit fix on Scale (a labeler's rework
     * of a rejected answer): the task stays {@code completed}, the new response replaces the old one, the
     * correction waits for review again ({@code customer_review_status} back to {@code pending}) and one new
     * callback is queued with the corrected task. Runs inside the caller's write transaction; the caller wakes the
     * dispatcher after commit. {@link Outcome#NOT_PENDING} here means the task is not {@code completed}.
     */
    public Result correct(Handle h, Caller owner, String taskId, JsonNode response, String correctedBy) {
        Optional<ObjectNode> found = TaskStore.find(h, owner, taskId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, Optional.empty(), Optional.empty());
        }
        ObjectNode task = found.get();
        if (!task.path("status").asString().equals("completed")) {
            return new Result(Outcome.NOT_PENDING, Optional.of(TaskJson.wire(task)), Optional.empty());
        }
        JsonNode stored = ResponseBlobs.externalize(h, context, owner.accountId(), owner.testMode(), task, response);
        task.set("response", stored);
        task.put("updated_at", context.now());
        task.put("customer_review_status", "pending");
        task.put("_completed_by", correctedBy);
        if (task.hasNonNull("callback_url")) {
            task.put("callback_succeeded", false);
        }
        TaskStore.save(h, task);
        if (task.hasNonNull("callback_url")) {
            ObjectNode body = Docs.object();
            body.set("task", TaskJson.wire(task));
            body.set("response", stored);
            body.put("task_id", taskId);
            body.put("status", "completed");
            CallbackStore.enqueue(
                    h,
                    context,
                    owner.accountId(),
                    owner.testMode(),
                    taskId,
                    null,
                    task.path("callback_url").asString(),
                    body);
        }
        return new Result(Outcome.FINISHED, Optional.of(TaskJson.wire(task)), Optional.empty());
    }

    private Result finish(
            Handle h, Caller owner, String taskId, String status, JsonNode given, String completedBy, boolean trail) {
        Optional<TaskStore.Row> row = TaskStore.row(h, taskId);
        if (row.isEmpty() || (owner != null && !row.get().owner().equals(owner))) {
            return new Result(Outcome.NOT_FOUND, Optional.empty(), Optional.empty());
        }
        Caller taskOwner = row.get().owner();
        // Claim the task first: only one finisher's conditional update matches, even across nodes (the loser waits
        // on the row lock, then sees it is no longer pending).
        if (!TaskStore.move(h, taskId, "pending", status)) {
            return new Result(Outcome.NOT_PENDING, TaskStore.find(h, taskId).map(TaskJson::wire), Optional.empty());
        }
        ObjectNode task = TaskStore.find(h, taskId).orElseThrow();
        boolean generated = given == null;
        JsonNode response = generated ? labeler.respond(TaskJson.wire(task)) : given;
        if (status.equals("completed")) {
            response =
                    ResponseBlobs.externalize(h, context, taskOwner.accountId(), taskOwner.testMode(), task, response);
        }
        String now = context.now();
        task.put("status", status);
        task.set("response", response);
        task.put("updated_at", now);
        if (status.equals("completed")) {
            task.put("completed_at", now);
        }
        if (completedBy != null) {
            task.put("_completed_by", completedBy);
        }
        if (status.equals("error") && task.path("_clear_unique_id_on_error").asBoolean(false)) {
            task.remove("unique_id");
        }
        boolean hasCallback = task.hasNonNull("callback_url");
        if (hasCallback) {
            // Scale sets this once a delivery gets a 2xx; until then it reads false.
            task.put("callback_succeeded", false);
        }
        TaskStore.save(h, task);
        if (generated && trail && status.equals("completed")) {
            labeler.recordTrail(h, taskOwner, task);
        }
        String callbackId = null;
        if (hasCallback) {
            ObjectNode body = Docs.object();
            body.set("task", TaskJson.wire(task));
            body.set("response", response);
            body.put("task_id", taskId);
            body.put("status", status);
            callbackId = CallbackStore.enqueue(
                    h,
                    context,
                    taskOwner.accountId(),
                    taskOwner.testMode(),
                    taskId,
                    null,
                    task.path("callback_url").asString(),
                    body);
        }
        Optional<ObjectNode> batch = Optional.empty();
        if (task.hasNonNull("batch")) {
            batch = batches.taskFinished(h, taskOwner, task.get("batch").asString(), callbackId);
        }
        return new Result(Outcome.FINISHED, Optional.of(TaskJson.wire(task)), batch);
    }
}
