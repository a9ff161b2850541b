package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.Docs;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes callback deliveries into the {@code callbacks} table. Call it inside the same transaction as the change
 * that causes the callback, so the two commit together and a restart loses neither; the
 * {@link CallbackDispatcher} sends what is due.
 */
public final class CallbackOutbox {
    private CallbackOutbox() {}

    /**
     * Queues one POST of {@code body} to {@code url}, due now.
     *
     * @param taskId the task the callback is about, or null for a batch callback
     * @param batchName the batch the callback is about, or null for a task callback
     * @return the delivery's id
     */
    public static String enqueue(
            Handle h,
            EmulatorContext context,
            String accountId,
            boolean testMode,
            String taskId,
            String batchName,
            String url,
            ObjectNode body) {
        String id = context.ids().objectId();
        String now = context.now();
        h.createUpdate("INSERT INTO callbacks (id, account_id, test_mode, task_id, batch_name, url, body, state,"
                        + " attempts, next_attempt_at, created_at, updated_at)"
                        + " VALUES (:id, :a, :m, :task, :batch, :url, :body, 'pending', 0, :now, :now, :now)")
                .bind("id", id)
                .bind("a", accountId)
                .bind("m", testMode ? 1 : 0)
                .bind("task", taskId)
                .bind("batch", batchName)
                .bind("url", url)
                .bind("body", Docs.write(body))
                .bind("now", now)
                .execute();
        return id;
    }
}
