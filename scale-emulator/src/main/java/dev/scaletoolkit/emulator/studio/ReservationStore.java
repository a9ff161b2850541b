package dev.scaletoolkit.emulator.studio;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code studio_reservations}: who holds which task, until when. */
final class ReservationStore {
    private ReservationStore() {}

    private static final String COLUMNS = "task_id, account_id, email, reserved_at, expires_at";

    /**
     * Takes or renews the task for {@code email} when nobody else holds a lease that is still running. One
     * statement, so concurrent claims (threads or nodes) serialise on the row and only one of them wins.
     *
     * @return whether {@code email} holds the task now
     */
    static boolean claim(Handle h, String accountId, String taskId, String email, long now, long until) {
        return h.createUpdate("INSERT INTO studio_reservations (" + COLUMNS + ") VALUES (:t, :a, :e, :now, :until)"
                                + " ON CONFLICT (task_id) DO UPDATE SET email = excluded.email,"
                                + " account_id = excluded.account_id,"
                                + " reserved_at = CASE WHEN studio_reservations.email = excluded.email"
                                + " AND studio_reservations.expires_at > :now"
                                + " THEN studio_reservations.reserved_at ELSE excluded.reserved_at END,"
                                + " expires_at = excluded.expires_at"
                                + " WHERE studio_reservations.email = excluded.email"
                                + " OR studio_reservations.expires_at <= :now")
                        .bind("t", taskId)
                        .bind("a", accountId)
                        .bind("e", email)
                        .bind("now", now)
                        .bind("until", until)
                        .execute()
                > 0;
    }

    /** The lease on the task if it is still running at {@code now}. */
    static Optional<Reservations.Lease> onTask(Handle h, String taskId, long now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_reservations WHERE task_id = :t AND expires_at > :now")
                .bind("t", taskId)
                .bind("now", now)
                .map((rs, c) -> lease(rs))
                .findOne();
    }

    /** Every running lease of the account, soonest to expire first. */
    static List<Reservations.Lease> running(Handle h, String accountId, long now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_reservations WHERE account_id = :a"
                        + " AND expires_at > :now ORDER BY expires_at, task_id")
                .bind("a", accountId)
                .bind("now", now)
                .map((rs, c) -> lease(rs))
                .list();
    }

    /** Removes the task's lease, whoever holds it. */
    static boolean delete(Handle h, String accountId, String taskId) {
        return h.createUpdate("DELETE FROM studio_reservations WHERE task_id = :t AND account_id = :a")
                        .bind("t", taskId)
                        .bind("a", accountId)
                        .execute()
                > 0;
    }

    /** Removes the task's lease only if {@code email} holds it. */
    static void deleteHeldBy(Handle h, String taskId, String email) {
        h.createUpdate("DELETE FROM studio_reservations WHERE task_id = :t AND email = :e")
                .bind("t", taskId)
                .bind("e", email)
                .execute();
    }

    /** The account's running leases in one line (how many, latest taken, latest end): changes with every claim. */
    static String version(Handle h, String accountId, long now) {
        return h.createQuery("SELECT COUNT(*) AS n, COALESCE(MAX(reserved_at), 0) AS taken,"
                        + " COALESCE(MAX(expires_at), 0) AS ends FROM studio_reservations"
                        + " WHERE account_id = :a AND expires_at > :now")
                .bind("a", accountId)
                .bind("now", now)
                .map((rs, c) -> rs.getLong("n") + "/" + rs.getLong("taken") + "/" + rs.getLong("ends"))
                .one();
    }

    private static Reservations.Lease lease(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reservations.Lease(
                rs.getString("task_id"),
                rs.getString("account_id"),
                rs.getString("email"),
                Instant.ofEpochMilli(rs.getLong("reserved_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
