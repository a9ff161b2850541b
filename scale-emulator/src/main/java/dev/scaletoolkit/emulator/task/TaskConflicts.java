package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiError;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Turns a broken uniqueness rule into Scale's 409. The database's unique indexes are the judge (they also hold
 * when several emulator nodes share PostgreSQL); after a violation the transaction is gone, so the winner is
 * looked up in a fresh read and named in the message.
 */
final class TaskConflicts {
    private TaskConflicts() {}

    /** Whether {@code e} (or a cause) is a unique or primary-key violation, on SQLite or PostgreSQL. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if ((state != null && state.startsWith("23"))
                        || message.contains("unique constraint")
                        || message.contains("primarykey")
                        || message.contains("duplicate key")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The task of this caller's world that holds {@code uniqueId}, if any. */
    static Optional<String> holderOfUniqueId(Handle h, Caller caller, String uniqueId) {
        return h.createQuery("SELECT id FROM tasks WHERE account_id = :a AND test_mode = :m AND unique_id = :u")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("u", uniqueId)
                .mapTo(String.class)
                .findOne();
    }

    /** The task created under this caller's {@code Idempotency-Key}, if any. */
    static Optional<String> holderOfIdempotencyKey(Handle h, Caller caller, String key) {
        return h.createQuery("SELECT task_id FROM idempotency_keys WHERE account_id = :a AND test_mode = :m"
                        + " AND idem_key = :k")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("k", key)
                .mapTo(String.class)
                .findOne();
    }

    static ApiError uniqueIdTaken(String uniqueId, String taskId) {
        return ApiError.conflict(
                "The unique_id (\"" + uniqueId + "\") is already used for a different task (" + taskId + ").");
    }

    static ApiError idempotencyKeyUsed(String key, String taskId) {
        return ApiError.conflict("The Idempotency-Key \"" + key + "\" was already used for a request that created task "
                + taskId + "; no new task was created.");
    }
}
