package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code idempotency_keys}: which task each {@code Idempotency-Key} created. */
final class IdempotencyKeyStore {
    private IdempotencyKeyStore() {}

    static void insert(Handle h, Caller caller, String key, String taskId, String now) {
        h.createUpdate("INSERT INTO idempotency_keys (account_id, test_mode, idem_key, task_id, created_at)"
                        + " VALUES (:a, :m, :k, :id, :now)")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("k", key)
                .bind("id", taskId)
                .bind("now", now)
                .execute();
    }

    /** The task created under this caller's {@code key}, if any. */
    static Optional<String> holder(Handle h, Caller caller, String key) {
        return h.createQuery("SELECT task_id FROM idempotency_keys WHERE account_id = :a AND test_mode = :m"
                        + " AND idem_key = :k")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("k", key)
                .mapTo(String.class)
                .findOne();
    }
}
