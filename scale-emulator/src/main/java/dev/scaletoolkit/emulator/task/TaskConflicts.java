package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.error.ApiError;
import java.sql.SQLException;
import java.util.Locale;

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

    static ApiError uniqueIdTaken(String uniqueId, String taskId) {
        return ApiError.conflict(
                "The unique_id (\"" + uniqueId + "\") is already used for a different task (" + taskId + ").");
    }

    static ApiError idempotencyKeyUsed(String key, String taskId) {
        return ApiError.conflict("The Idempotency-Key \"" + key + "\" was already used for a request that created task "
                + taskId + "; no new task was created.");
    }
}
