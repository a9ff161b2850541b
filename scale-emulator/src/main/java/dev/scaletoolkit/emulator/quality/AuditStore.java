package dev.scaletoolkit.emulator.quality;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Streamed;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.databind.node.ObjectNode;

/** The only code that reads or writes the {@code audits} table (customer audits and simulated Scale reviews). */
public final class AuditStore {
    private AuditStore() {}

    /** Records one audit; {@code doc} is its wire JSON and must hold {@code id} and {@code task_id}. */
    public static void insert(Handle h, Caller owner, String source, String result, String auditedAt, ObjectNode doc) {
        h.createUpdate("INSERT INTO audits (id, account_id, test_mode, task_id, audit_source, audit_result,"
                        + " audited_at, doc) VALUES (:id, :a, :m, :task, :source, :result, :now, :doc)")
                .bind("id", doc.path("id").asString())
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .bind("task", doc.path("task_id").asString())
                .bind("source", source)
                .bind("result", result)
                .bind("now", auditedAt)
                .bind("doc", Docs.write(doc))
                .execute();
    }

    /**
     * Audits that did not fix the task, newest first, of the given tasks and/or with the given ids (an empty list
     * does not filter), handed to {@code each} one row at a time; at most {@code limit}. Returns how many.
     */
    public static int forEachFixless(
            Handle h, Caller owner, List<String> taskIds, List<String> ids, int limit, Consumer<String> each) {
        StringBuilder sql = new StringBuilder(
                "SELECT doc FROM audits WHERE account_id = :a AND test_mode = :m AND audit_result <> 'fixed'");
        if (!taskIds.isEmpty()) {
            sql.append(" AND task_id IN (<taskIds>)");
        }
        if (!ids.isEmpty()) {
            sql.append(" AND id IN (<ids>)");
        }
        sql.append(" ORDER BY audited_at DESC, id DESC");
        Query q = h.createQuery(sql.toString()).bind("a", owner.accountId()).bind("m", owner.mode());
        if (!taskIds.isEmpty()) {
            q.bindList("taskIds", taskIds);
        }
        if (!ids.isEmpty()) {
            q.bindList("ids", ids);
        }
        return Streamed.forEach(h, q, query -> query.mapTo(String.class), limit, each);
    }
}
