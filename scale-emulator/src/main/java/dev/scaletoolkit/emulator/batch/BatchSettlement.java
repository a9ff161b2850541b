package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.callback.CallbackStore;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place a batch's status follows its tasks: a pending task joining a completed standard batch reopens it,
 * and the batch completes (with its callback) when its last pending task finishes.
 *
 * <p>The batch row counts its pending tasks ({@code pending_tasks}), changed in the same transaction as the task.
 * Completion is a conditional update on that counter, so when the last two tasks finish at once on two nodes
 * sharing PostgreSQL, the row lock orders the two decrements and exactly one transaction completes the batch.
 * {@link #sweep} settles batches that earlier versions left in progress with nothing pending.
 */
public final class BatchSettlement {
    private static final int SWEEP_PAGE = 200;

    private final EmulatorContext context;
    private final BatchTasks tasks;

    public BatchSettlement(EmulatorContext context, BatchTasks tasks) {
        this.context = context;
        this.tasks = tasks;
    }

    /**
     * A pending task joined {@code batch}: count it, and take a completed batch back to {@code in_progress} (a
     * standard batch keeps taking tasks after earlier ones completed; placement refuses finalized Rapid and Studio
     * batches before this is reached).
     *
     * @return whether the batch exists (it can vanish only in a data reset racing the create)
     */
    public boolean taskAdded(Handle h, Caller owner, String batch) {
        if (!BatchStore.addPending(h, owner, batch, 1)) {
            return false;
        }
        if (BatchStore.moveStatus(h, owner, batch, "completed", "in_progress", null)) {
            BatchStore.find(h, owner, batch).ifPresent(doc -> {
                doc.put("status", "in_progress");
                doc.remove("completed_at");
                doc.put("updated_at", context.now());
                BatchStore.update(h, owner, doc);
            });
        }
        return true;
    }

    /**
     * A task of {@code batch} left {@code pending} (completed, failed or canceled): count it down and complete the
     * batch if it was the last one.
     *
     * @param afterCallbackId the task's own callback delivery, which the batch's callback must follow; or null
     * @return the batch as completed by this call, or empty
     */
    public Optional<ObjectNode> taskFinished(Handle h, Caller owner, String batch, String afterCallbackId) {
        BatchStore.addPending(h, owner, batch, -1);
        return settle(h, owner, batch, afterCallbackId);
    }

    /**
     * Completes the batch and queues its callback if it is in progress, holds at least one task and has none
     * pending; otherwise leaves it alone. Safe to call any number of times, from any node.
     */
    public Optional<ObjectNode> settle(Handle h, Caller owner, String batch, String afterCallbackId) {
        if (!tasks.anyIn(h, owner, batch)) {
            return Optional.empty();
        }
        String now = context.now();
        if (!BatchStore.completeIfSettled(h, owner, batch, now)) {
            return Optional.empty();
        }
        ObjectNode doc = BatchStore.find(h, owner, batch).orElseThrow();
        doc.put("status", "completed");
        doc.put("completed_at", now);
        doc.put("updated_at", now);
        BatchStore.update(h, owner, doc);
        JsonNode callback = doc.get("callback");
        if (callback != null && callback.isString() && !callback.stringValue().isBlank()) {
            ObjectNode body = Docs.object();
            body.set("batch", doc.deepCopy());
            body.put("batch_name", batch);
            body.put("status", "completed");
            CallbackStore.enqueue(
                    h,
                    context,
                    owner.accountId(),
                    owner.testMode(),
                    null,
                    batch,
                    callback.stringValue(),
                    body,
                    afterCallbackId);
        }
        return Optional.of(doc);
    }

    /**
     * Completes every batch left in progress with nothing pending but some tasks (left behind by versions that
     * settled batches with a racy count); returns how many it completed. Each batch settles in its own transaction.
     */
    public int sweep() {
        int settled = 0;
        BatchStore.Unsettled after = null;
        while (true) {
            BatchStore.Unsettled from = after;
            List<BatchStore.Unsettled> page =
                    context.db().read(h -> BatchStore.inProgressWithNothingPending(h, from, SWEEP_PAGE));
            for (BatchStore.Unsettled candidate : page) {
                boolean done = context.db()
                        .write(h -> settle(h, candidate.owner(), candidate.name(), null)
                                .isPresent());
                if (done) {
                    settled++;
                }
            }
            if (page.size() < SWEEP_PAGE) {
                return settled;
            }
            after = page.get(page.size() - 1);
        }
    }
}
