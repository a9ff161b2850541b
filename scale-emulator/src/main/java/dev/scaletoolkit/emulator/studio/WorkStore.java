package dev.scaletoolkit.emulator.studio;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code studio_work}: the answers people submitted in the browser UI. */
final class WorkStore {
    private WorkStore() {}

    private static final String COLUMNS = "task_id, project, email, kind, started_at, finished_at";

    static void insert(Handle h, String id, String accountId, WorkLog.Work w) {
        h.createUpdate("INSERT INTO studio_work (id, account_id, " + COLUMNS + ")"
                        + " VALUES (:id, :a, :t, :p, :e, :k, :s, :f)")
                .bind("id", id)
                .bind("a", accountId)
                .bind("t", w.taskId())
                .bind("p", w.project())
                .bind("e", w.email())
                .bind("k", w.kind())
                .bind("s", w.startedAt().toEpochMilli())
                .bind("f", w.finishedAt().toEpochMilli())
                .execute();
    }

    /** When {@code email} last submitted an answer in the account, if ever. */
    static Optional<Instant> lastFinished(Handle h, String accountId, String email) {
        return h.createQuery("SELECT MAX(finished_at) FROM studio_work WHERE account_id = :a AND email = :e")
                .bind("a", accountId)
                .bind("e", email)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli);
    }

    /** The account's answers submitted at or after {@code from}, oldest first. */
    static List<WorkLog.Work> since(Handle h, String accountId, long from) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_work WHERE account_id = :a AND finished_at >= :f"
                        + " ORDER BY finished_at, id")
                .bind("a", accountId)
                .bind("f", from)
                .map((rs, c) -> new WorkLog.Work(
                        rs.getString("task_id"),
                        rs.getString("project"),
                        rs.getString("email"),
                        rs.getString("kind"),
                        Instant.ofEpochMilli(rs.getLong("started_at")),
                        Instant.ofEpochMilli(rs.getLong("finished_at"))))
                .list();
    }

    /** How many answers the account has and when the latest came: changes whenever someone submits. */
    static String version(Handle h, String accountId) {
        return h.createQuery("SELECT COUNT(*) AS n, COALESCE(MAX(finished_at), 0) AS last FROM studio_work"
                        + " WHERE account_id = :a")
                .bind("a", accountId)
                .map((rs, c) -> rs.getLong("n") + "@" + rs.getLong("last"))
                .one();
    }
}
