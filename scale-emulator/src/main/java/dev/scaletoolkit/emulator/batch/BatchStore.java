package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Streamed;
import dev.scaletoolkit.infra.store.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes rows of the {@code batches} table inside the caller's account and mode. The row's {@code doc}
 * is the batch's wire JSON (id, name, project, status, callback, timestamps, metadata and the calibration and self-label flags); {@code status}, {@code calibration} and the timestamps are
 * mirrored into columns for filtering. The Studio columns ({@code studio_priority}, {@code studio_groups}) are
 * kept out of the doc, so they never reach the Batch object or its callback.
 */
public final class BatchStore {
    private BatchStore() {}

    /** The caller's batch named {@code name}, as its wire JSON. */
    public static Optional<ObjectNode> find(Handle h, Caller caller, String name) {
        return findText(h, caller, name).map(Docs::read);
    }

    /** The stored JSON text of the caller's batch named {@code name}, unparsed (see {@code ParsedDocs}). */
    public static Optional<String> findText(Handle h, Caller caller, String name) {
        return Rows.string(
                h,
                "SELECT doc FROM batches WHERE account_id = ? AND test_mode = ? AND name = ?",
                caller.accountId(),
                caller.mode(),
                name);
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
    static boolean addPending(Handle h, Caller owner, String name, int delta) {
        return Rows.update(
                        h,
                        "UPDATE batches SET pending_tasks = pending_tasks + ?"
                                + " WHERE account_id = ? AND test_mode = ? AND name = ?",
                        delta,
                        owner.accountId(),
                        owner.mode(),
                        name)
                == 1;
    }

    /** Moves the batch from {@code from} to {@code to} if it is still in {@code from}; returns whether it did. */
    static boolean moveStatus(Handle h, Caller owner, String name, String from, String to, String completedAt) {
        return Rows.update(
                        h,
                        "UPDATE batches SET status = ?, completed_at = ?"
                                + " WHERE account_id = ? AND test_mode = ? AND name = ? AND status = ?",
                        to,
                        completedAt,
                        owner.accountId(),
                        owner.mode(),
                        name,
                        from)
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

    /** A batch that is not completed, with the Studio columns kept outside its wire JSON. */
    public record StudioColumns(
            String name,
            String id,
            String project,
            boolean calibration,
            Integer priority,
            String groups,
            String createdAt) {}

    /**
     * Hands the caller's batches that are not completed, with their Studio priority and groups, to {@code each}
     * one row at a time in Studio work order: batches with a priority first by priority, then calibration batches,
     * then oldest first (ties by id).
     */
    public static void forEachUnfinishedWithStudioColumns(Handle h, Caller caller, Consumer<StudioColumns> each) {
        Query q = h.createQuery("SELECT name, id, project, calibration, studio_priority, studio_groups, created_at"
                        + " FROM batches WHERE account_id = :a AND test_mode = :m AND status <> 'completed'"
                        + " ORDER BY CASE WHEN studio_priority IS NULL THEN 1 ELSE 0 END, studio_priority,"
                        + " calibration DESC, created_at, id")
                .bind("a", caller.accountId())
                .bind("m", caller.mode());
        Streamed.forEach(
                h,
                q,
                query -> query.map((rs, ctx) -> {
                    int stored = rs.getInt("studio_priority");
                    Integer priority = rs.wasNull() ? null : stored;
                    return new StudioColumns(
                            rs.getString("name"),
                            rs.getString("id"),
                            rs.getString("project"),
                            rs.getInt("calibration") == 1,
                            priority,
                            rs.getString("studio_groups"),
                            rs.getString("created_at"));
                }),
                Integer.MAX_VALUE,
                each);
    }

    public static void clearStudioPriorities(Handle h, Caller caller) {
        h.createUpdate("UPDATE batches SET studio_priority = NULL WHERE account_id = :a AND test_mode = :m"
                        + " AND studio_priority IS NOT NULL")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .execute();
    }

    public static void setStudioPriority(Handle h, Caller caller, String name, int priority) {
        h.createUpdate("UPDATE batches SET studio_priority = :p WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("p", priority)
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", name)
                .execute();
    }

    /** Stores the worker groups (a JSON array of names) a Studio batch is offered to. */
    public static void setStudioGroups(Handle h, Caller caller, String name, String groupsJson) {
        h.createUpdate("UPDATE batches SET studio_groups = :g WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("g", groupsJson)
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", name)
                .execute();
    }

    /**
     * What {@code GET /v1/batches} filters on; nulls and empty lists do not filter. Times are in the stored text
     * form (they compare as text). {@code excludedProjects} leaves out batches of those projects (the archived ones).
     */
    public record Filter(
            Caller caller,
            String project,
            String status,
            String createdFrom,
            String createdTo,
            String completedAfter,
            String completedBefore,
            String auditedAfter,
            String auditedBefore,
            List<String> excludedProjects) {}

    /** Records that a task of the batch was audited at {@code auditedAt} (the batch keeps the newest). */
    public static void markAudited(Handle h, Caller owner, String name, String auditedAt) {
        h.createUpdate("UPDATE batches SET last_audited_at = :t WHERE account_id = :a AND test_mode = :m"
                        + " AND name = :n AND (last_audited_at IS NULL OR last_audited_at < :t)")
                .bind("t", auditedAt)
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .bind("n", name)
                .execute();
    }

    public static int count(Handle h, Filter filter) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String where = where(filter, binds);
        var q = h.createQuery("SELECT COUNT(*) FROM batches b WHERE " + where);
        binds.forEach(q::bind);
        return q.mapTo(Integer.class).one();
    }

    /** A page of matching batches, newest first. */
    public static List<ObjectNode> page(Handle h, Filter filter, int limit, int offset) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String where = where(filter, binds);
        var q = h.createQuery("SELECT b.doc FROM batches b WHERE " + where
                + " ORDER BY b.created_at DESC, b.id DESC LIMIT :limit OFFSET :offset");
        binds.forEach(q::bind);
        return q.bind("limit", limit)
                .bind("offset", offset)
                .mapTo(String.class)
                .map(Docs::read)
                .list();
    }

    private static String where(Filter f, Map<String, Object> binds) {
        StringBuilder where = new StringBuilder("b.account_id = :a AND b.test_mode = :m");
        binds.put("a", f.caller().accountId());
        binds.put("m", f.caller().mode());
        condition(where, binds, "b.project = ", "project", f.project());
        condition(where, binds, "b.status = ", "status", f.status());
        condition(where, binds, "b.created_at >= ", "start_time", f.createdFrom());
        condition(where, binds, "b.created_at <= ", "end_time", f.createdTo());
        condition(where, binds, "b.completed_at > ", "completed_after", f.completedAfter());
        condition(where, binds, "b.completed_at < ", "completed_before", f.completedBefore());
        condition(where, binds, "b.last_audited_at > ", "audited_after", f.auditedAfter());
        condition(where, binds, "b.last_audited_at < ", "audited_before", f.auditedBefore());
        for (int i = 0; i < f.excludedProjects().size(); i++) {
            where.append(" AND b.project <> :xp").append(i);
            binds.put("xp" + i, f.excludedProjects().get(i));
        }
        return where.toString();
    }

    private static void condition(
            StringBuilder where, Map<String, Object> binds, String condition, String name, String value) {
        if (value != null) {
            where.append(" AND ").append(condition).append(':').append(name);
            binds.put(name, value);
        }
    }
}
