package dev.scaletoolkit.emulator.quality;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.file.KeysetCursor;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.databind.node.ObjectNode;

/** The only code that reads or writes the {@code quality_attempts} table (labelers' training attempts). */
public final class QualityAttemptStore {
    private QualityAttemptStore() {}

    /** One stored attempt: its keyset position and its wire JSON. */
    public record Attempt(String id, String createdAt, String doc) {}

    public static void insert(
            Handle h, Caller owner, String id, String qualityTaskId, String labeler, String now, ObjectNode doc) {
        h.createUpdate("INSERT INTO quality_attempts (id, account_id, test_mode, quality_task_id, labeler_email,"
                        + " created_at, doc) VALUES (:id, :a, :m, :task, :email, :now, :doc)")
                .bind("id", id)
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .bind("task", qualityTaskId)
                .bind("email", labeler)
                .bind("now", now)
                .bind("doc", Docs.write(doc))
                .execute();
    }

    /**
     * Attempts newest first, of the given quality tasks and/or labelers (an empty list does not filter), after
     * {@code after} (null for the first page); up to {@code limit} rows.
     */
    public static List<Attempt> page(
            Handle h, Caller owner, List<String> taskIds, List<String> emails, KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, created_at, doc FROM quality_attempts WHERE account_id = :a AND test_mode = :m");
        if (!taskIds.isEmpty()) {
            sql.append(" AND quality_task_id IN (<taskIds>)");
        }
        if (!emails.isEmpty()) {
            sql.append(" AND labeler_email IN (<emails>)");
        }
        if (after != null) {
            sql.append(" AND created_at <= :c AND (created_at < :c OR id < :cid)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit);
        Query q = h.createQuery(sql.toString()).bind("a", owner.accountId()).bind("m", owner.mode());
        if (!taskIds.isEmpty()) {
            q.bindList("taskIds", taskIds);
        }
        if (!emails.isEmpty()) {
            q.bindList("emails", emails);
        }
        if (after != null) {
            q.bind("c", after.createdAt()).bind("cid", after.id());
        }
        return q.map((rs, ctx) -> new Attempt(rs.getString("id"), rs.getString("created_at"), rs.getString("doc")))
                .list();
    }
}
