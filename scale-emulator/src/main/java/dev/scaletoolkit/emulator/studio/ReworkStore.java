package dev.scaletoolkit.emulator.studio;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code studio_rework}: rejected attempts and who redoes them. */
final class ReworkStore {
    private ReworkStore() {}

    private static final String COLUMNS = "id, account_id, task_id, attempt, labeler, response, comment, rejected_by,"
            + " rejected_at, assignee, state, resubmitted_by, resubmitted_at";

    static void insert(Handle h, Rework.Attempt a) {
        h.createUpdate("INSERT INTO studio_rework (" + COLUMNS + ") VALUES (:id, :a, :t, :n, :labeler, :response,"
                        + " :comment, :by, :at, :assignee, 'OPEN', NULL, NULL)")
                .bind("id", a.id())
                .bind("a", a.accountId())
                .bind("t", a.taskId())
                .bind("n", a.attempt())
                .bind("labeler", a.labeler().orElse(null))
                .bind("response", a.response())
                .bind("comment", a.comment())
                .bind("by", a.rejectedBy())
                .bind("at", a.rejectedAt())
                .bind("assignee", a.assignee().orElse(null))
                .execute();
    }

    /** Every attempt of the task, first to last. */
    static List<Rework.Attempt> history(Handle h, String accountId, String taskId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_rework WHERE task_id = :t AND account_id = :a"
                        + " ORDER BY attempt")
                .bind("t", taskId)
                .bind("a", accountId)
                .map((rs, c) -> attempt(rs))
                .list();
    }

    static Optional<Rework.Attempt> open(Handle h, String accountId, String taskId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_rework WHERE task_id = :t AND account_id = :a"
                        + " AND state = 'OPEN'")
                .bind("t", taskId)
                .bind("a", accountId)
                .map((rs, c) -> attempt(rs))
                .findFirst();
    }

    /** Open attempts sent back to this person or to anyone, oldest rejection first. */
    static List<Rework.Attempt> openFor(Handle h, String accountId, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_rework WHERE account_id = :a AND state = 'OPEN'"
                        + " AND (assignee = :e OR assignee IS NULL) ORDER BY rejected_at, id")
                .bind("a", accountId)
                .bind("e", email)
                .map((rs, c) -> attempt(rs))
                .list();
    }

    static int count(Handle h, String taskId) {
        return h.createQuery("SELECT COUNT(*) FROM studio_rework WHERE task_id = :t")
                .bind("t", taskId)
                .mapTo(Integer.class)
                .one();
    }

    /** Closes the open attempt of the task; false when there was none (resubmitted or closed meanwhile). */
    static boolean close(Handle h, String taskId, String state, String by, String at) {
        return h.createUpdate("UPDATE studio_rework SET state = :state, resubmitted_by = :by, resubmitted_at = :at"
                                + " WHERE task_id = :t AND state = 'OPEN'")
                        .bind("state", state)
                        .bind("by", by)
                        .bind("at", at)
                        .bind("t", taskId)
                        .execute()
                > 0;
    }

    private static Rework.Attempt attempt(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Rework.Attempt(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getString("task_id"),
                rs.getInt("attempt"),
                Optional.ofNullable(rs.getString("labeler")),
                rs.getString("response"),
                rs.getString("comment"),
                rs.getString("rejected_by"),
                rs.getString("rejected_at"),
                Optional.ofNullable(rs.getString("assignee")),
                rs.getString("state").equals("OPEN"),
                Optional.ofNullable(rs.getString("resubmitted_by")),
                Optional.ofNullable(rs.getString("resubmitted_at")));
    }
}
