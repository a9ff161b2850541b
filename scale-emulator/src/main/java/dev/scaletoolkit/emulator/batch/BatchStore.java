package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes rows of the {@code batches} table inside the caller's account and mode. The row's {@code doc}
 * is the batch's wire JSON (id, name, project, status, callback, timestamps, metadata and the calibration and self-label flags); {@code status}, {@code calibration} and the timestamps are
 * mirrored into columns for filtering. The Studio columns ({@code studio_priority}, {@code studio_groups}) belong
 * to the studio package and are never touched here.
 */
public final class BatchStore {
    private BatchStore() {}

    public static Optional<ObjectNode> find(Handle h, Caller caller, String name) {
        return h.createQuery("SELECT doc FROM batches WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", name)
                .mapTo(String.class)
                .findOne()
                .map(Docs::read);
    }

    /** The batch, or a 404 that names it. */
    public static ObjectNode require(Handle h, Caller caller, String name) {
        return find(h, caller, name).orElseThrow(() -> notFound(name));
    }

    public static ApiError notFound(String name) {
        return ApiError.notFound("Batch \"" + name + "\" not found. Batches of live and test mode are separate;"
                + " check that the key you use belongs to the batch's mode.");
    }

    public static boolean exists(Handle h, Caller caller, String name) {
        return find(h, caller, name).isPresent();
    }

    public static void insert(Handle h, Caller caller, ObjectNode doc) {
        h.createUpdate("INSERT INTO batches (account_id, test_mode, name, id, project, status, calibration,"
                        + " created_at, updated_at, completed_at, doc)"
                        + " VALUES (:a, :m, :n, :id, :project, :status, :calibration, :created, :created, NULL, :doc)")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", doc.path("name").asString())
                .bind("id", doc.path("id").asString())
                .bind("project", doc.path("project").asString())
                .bind("status", doc.path("status").asString())
                .bind("calibration", doc.path("calibration_batch").asBoolean(false) ? 1 : 0)
                .bind("created", doc.path("created_at").asString())
                .bind("doc", Docs.write(doc))
                .execute();
    }

    /** Writes the doc back and mirrors its status and timestamps. */
    public static void update(Handle h, Caller caller, ObjectNode doc) {
        h.createUpdate("UPDATE batches SET status = :status, updated_at = :updated, completed_at = :completed,"
                        + " doc = :doc WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("status", doc.path("status").asString())
                .bind("updated", doc.path("updated_at").asString())
                .bind(
                        "completed",
                        doc.hasNonNull("completed_at") ? doc.get("completed_at").asString() : null)
                .bind("doc", Docs.write(doc))
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", doc.path("name").asString())
                .execute();
    }

    /**
     * Adds {@code delta} to the batch's count of pending tasks. On PostgreSQL this takes the batch row's lock
     * until the transaction ends, which orders concurrent settlements of one batch.
     */
    static void addPending(Handle h, Caller owner, String name, int delta) {
        h.createUpdate("UPDATE batches SET pending_tasks = pending_tasks + :d"
                        + " WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("d", delta)
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .bind("n", name)
                .execute();
    }

    /** Moves the batch from {@code from} to {@code to} if it is still in {@code from}; returns whether it did. */
    static boolean moveStatus(Handle h, Caller owner, String name, String from, String to, String completedAt) {
        return h.createUpdate("UPDATE batches SET status = :to, completed_at = :completed"
                                + " WHERE account_id = :a AND test_mode = :m AND name = :n AND status = :from")
                        .bind("to", to)
                        .bind("completed", completedAt)
                        .bind("from", from)
                        .bind("a", owner.accountId())
                        .bind("m", owner.mode())
                        .bind("n", name)
                        .execute()
                == 1;
    }

    /**
     * Completes the batch if it is in progress with no pending task; returns whether this call did. A conditional
     * update, so of several transactions (on any nodes) that see the last task finish only one completes it.
     */
    static boolean completeIfSettled(Handle h, Caller owner, String name, String now) {
        return h.createUpdate("UPDATE batches SET status = 'completed', completed_at = :now, updated_at = :now"
                                + " WHERE account_id = :a AND test_mode = :m AND name = :n"
                                + " AND status = 'in_progress' AND pending_tasks <= 0")
                        .bind("now", now)
                        .bind("a", owner.accountId())
                        .bind("m", owner.mode())
                        .bind("n", name)
                        .execute()
                == 1;
    }

    /** A batch that is in progress with no pending task counted, which a sweep may settle. */
    public record Unsettled(Caller owner, String name, String createdAt) {}

    /**
     * Batches in progress whose pending count is zero, in creation order, after {@code after} (null for the first
     * page).
     */
    static List<Unsettled> inProgressWithNothingPending(Handle h, Unsettled after, int limit) {
        String from = after == null
                ? ""
                : " AND (created_at > :c OR (created_at = :c AND (account_id > :a OR (account_id = :a"
                        + " AND (test_mode > :m OR (test_mode = :m AND name > :n))))))";
        var query = h.createQuery("SELECT account_id, test_mode, name, created_at FROM batches"
                + " WHERE status = 'in_progress' AND pending_tasks <= 0" + from
                + " ORDER BY created_at, account_id, test_mode, name LIMIT " + limit);
        if (after != null) {
            query.bind("c", after.createdAt())
                    .bind("a", after.owner().accountId())
                    .bind("m", after.owner().mode())
                    .bind("n", after.name());
        }
        return query.map((rs, ctx) -> new Unsettled(
                        new Caller(rs.getString("account_id"), rs.getInt("test_mode") == 1),
                        rs.getString("name"),
                        rs.getString("created_at")))
                .list();
    }
}
