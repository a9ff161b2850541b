package dev.scaletoolkit.emulator.studio;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code studio_problems}: what labelers reported, and what became of it. */
final class ProblemStore {
    private ProblemStore() {}

    private static final String COLUMNS =
            "id, account_id, task_id, reported_by, reason, comment, reported_at, state, resolved_by, resolved_at";

    static void insert(Handle h, Problems.Problem p) {
        h.createUpdate("INSERT INTO studio_problems (" + COLUMNS + ") VALUES (:id, :a, :t, :by, :reason, :comment,"
                        + " :at, :state, NULL, NULL)")
                .bind("id", p.id())
                .bind("a", p.accountId())
                .bind("t", p.taskId())
                .bind("by", p.reportedBy())
                .bind("reason", p.reason().name())
                .bind("comment", p.comment())
                .bind("at", p.reportedAt())
                .bind("state", p.state().name())
                .execute();
    }

    static Optional<Problems.Problem> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_problems WHERE id = :id AND account_id = :a")
                .bind("id", id)
                .bind("a", accountId)
                .map((rs, c) -> problem(rs))
                .findOne();
    }

    /** The account's open problems, oldest first. */
    static List<Problems.Problem> open(Handle h, String accountId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_problems WHERE account_id = :a AND state = 'OPEN'"
                        + " ORDER BY reported_at, id")
                .bind("a", accountId)
                .map((rs, c) -> problem(rs))
                .list();
    }

    /** The tasks of the account with an open problem. */
    static Set<String> openTasks(Handle h, String accountId) {
        return new TreeSet<>(
                h.createQuery("SELECT task_id FROM studio_problems WHERE account_id = :a AND state = 'OPEN'")
                        .bind("a", accountId)
                        .mapTo(String.class)
                        .list());
    }

    /** Closes an open problem; false when it was already closed (someone else decided first). */
    static boolean close(Handle h, String accountId, String id, Problems.State state, String by, String at) {
        return h.createUpdate("UPDATE studio_problems SET state = :state, resolved_by = :by, resolved_at = :at"
                                + " WHERE id = :id AND account_id = :a AND state = 'OPEN'")
                        .bind("state", state.name())
                        .bind("by", by)
                        .bind("at", at)
                        .bind("id", id)
                        .bind("a", accountId)
                        .execute()
                > 0;
    }

    private static Problems.Problem problem(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Problems.Problem(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getString("task_id"),
                rs.getString("reported_by"),
                Problems.Reason.valueOf(rs.getString("reason")),
                rs.getString("comment"),
                rs.getString("reported_at"),
                Problems.State.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("resolved_by")));
    }
}
