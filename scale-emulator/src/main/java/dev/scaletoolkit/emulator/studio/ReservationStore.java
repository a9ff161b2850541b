package dev.scaletoolkit.emulator.studio;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The only code that reads or writes {@code studio_reservations}: who holds which seat of a task, until when. An
 * ordinary task has one seat (0); a consensus task one per labeler it needs. A seat whose holder answered keeps
 * {@code answered_at} and is never free again; the lease queries below only see seats nobody answered yet.
 */
final class ReservationStore {
    private ReservationStore() {}

    private static final String COLUMNS = "task_id, account_id, email, reserved_at, expires_at";

    /**
     * Renews the seat {@code email} already has on the task (running or expired: nobody took it, or it would not be
     * theirs any more).
     *
     * @return whether they had one to renew
     */
    static boolean renew(Handle h, String taskId, String email, long now, long until) {
        return h.createUpdate("UPDATE studio_reservations SET"
                                + " reserved_at = CASE WHEN expires_at > :now THEN reserved_at ELSE :now END,"
                                + " expires_at = :until WHERE task_id = :t AND email = :e AND answered_at IS NULL")
                        .bind("t", taskId)
                        .bind("e", email)
                        .bind("now", now)
                        .bind("until", until)
                        .execute()
                > 0;
    }

    /**
     * Takes seat {@code seat} for {@code email} when it is free or its lease ran out (and nobody answered on it).
     * One statement, so concurrent claims (threads or nodes) serialise on the row and only one of them wins.
     *
     * @return whether {@code email} holds the seat now
     */
    static boolean claim(Handle h, String accountId, String taskId, int seat, String email, long now, long until) {
        return h.createUpdate("INSERT INTO studio_reservations (task_id, seat, account_id, email, reserved_at,"
                                + " expires_at) VALUES (:t, :seat, :a, :e, :now, :until)"
                                + " ON CONFLICT (task_id, seat) DO UPDATE SET email = excluded.email,"
                                + " account_id = excluded.account_id, reserved_at = excluded.reserved_at,"
                                + " expires_at = excluded.expires_at"
                                + " WHERE studio_reservations.answered_at IS NULL"
                                + " AND (studio_reservations.email = excluded.email"
                                + " OR studio_reservations.expires_at <= :now)")
                        .bind("t", taskId)
                        .bind("seat", seat)
                        .bind("a", accountId)
                        .bind("e", email)
                        .bind("now", now)
                        .bind("until", until)
                        .execute()
                > 0;
    }

    /** The running leases on the task (one for an ordinary task), soonest to expire first. */
    static List<Reservations.Lease> onTask(Handle h, String taskId, long now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_reservations WHERE task_id = :t AND expires_at > :now"
                        + " AND answered_at IS NULL ORDER BY expires_at, email")
                .bind("t", taskId)
                .bind("now", now)
                .map((rs, c) -> lease(rs))
                .list();
    }

    /** Whether {@code email} answered on a seat of the task. */
    static boolean answered(Handle h, String taskId, String email) {
        return h.createQuery("SELECT COUNT(*) FROM studio_reservations WHERE task_id = :t AND email = :e"
                                + " AND answered_at IS NOT NULL")
                        .bind("t", taskId)
                        .bind("e", email)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** Every running lease of the account, soonest to expire first. */
    static List<Reservations.Lease> running(Handle h, String accountId, long now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_reservations WHERE account_id = :a"
                        + " AND expires_at > :now AND answered_at IS NULL ORDER BY expires_at, task_id")
                .bind("a", accountId)
                .bind("now", now)
                .map((rs, c) -> lease(rs))
                .list();
    }

    /** Ends every lease on the task, whoever holds it (answered seats stay). */
    static boolean delete(Handle h, String accountId, String taskId) {
        return h.createUpdate("DELETE FROM studio_reservations WHERE task_id = :t AND account_id = :a"
                                + " AND answered_at IS NULL")
                        .bind("t", taskId)
                        .bind("a", accountId)
                        .execute()
                > 0;
    }

    /** Removes the task's lease only if {@code email} holds it (not a seat they answered on). */
    static void deleteHeldBy(Handle h, String taskId, String email) {
        h.createUpdate("DELETE FROM studio_reservations WHERE task_id = :t AND email = :e AND answered_at IS NULL")
                .bind("t", taskId)
                .bind("e", email)
                .execute();
    }

    /** The account's running leases in one line (how many, latest taken, latest end): changes with every claim. */
    static String version(Handle h, String accountId, long now) {
        return h.createQuery("SELECT COUNT(*) AS n, COALESCE(MAX(reserved_at), 0) AS taken,"
                        + " COALESCE(MAX(expires_at), 0) AS ends FROM studio_reservations"
                        + " WHERE account_id = :a AND expires_at > :now AND answered_at IS NULL")
                .bind("a", accountId)
                .bind("now", now)
                .map((rs, c) -> rs.getLong("n") + "/" + rs.getLong("taken") + "/" + rs.getLong("ends"))
                .one();
    }

    /** {@code email}'s seat becomes answered: it stays taken for good. */
    static boolean markAnswered(Handle h, String taskId, String email, long now) {
        return h.createUpdate("UPDATE studio_reservations SET answered_at = :now WHERE task_id = :t AND email = :e"
                                + " AND answered_at IS NULL")
                        .bind("t", taskId)
                        .bind("e", email)
                        .bind("now", now)
                        .execute()
                > 0;
    }

    /** Every seat of the task, answered or not (the task is finished). */
    static void deleteTask(Handle h, String taskId) {
        h.createUpdate("DELETE FROM studio_reservations WHERE task_id = :t")
                .bind("t", taskId)
                .execute();
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
