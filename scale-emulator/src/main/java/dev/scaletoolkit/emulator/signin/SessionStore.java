package dev.scaletoolkit.emulator.signin;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code ui_sessions}: signed-in browsers, keyed by a digest of the cookie value. */
final class SessionStore {
    private SessionStore() {}

    /** A session as stored; {@code csrfToken} must come back with every form it posts. */
    record Row(String accountId, String email, String csrfToken, String expiresAt) {}

    static void insert(Handle h, String idHash, Row row, String now) {
        h.createUpdate("INSERT INTO ui_sessions (id_hash, account_id, email, csrf_token, created_at, expires_at)"
                        + " VALUES (:id, :a, :e, :csrf, :now, :exp)")
                .bind("id", idHash)
                .bind("a", row.accountId())
                .bind("e", row.email())
                .bind("csrf", row.csrfToken())
                .bind("now", now)
                .bind("exp", row.expiresAt())
                .execute();
    }

    static Optional<Row> find(Handle h, String idHash) {
        return h.createQuery("SELECT account_id, email, csrf_token, expires_at FROM ui_sessions WHERE id_hash = :id")
                .bind("id", idHash)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne();
    }

    static void delete(Handle h, String idHash) {
        h.createUpdate("DELETE FROM ui_sessions WHERE id_hash = :id")
                .bind("id", idHash)
                .execute();
    }

    /** Drops sessions that ran out, so the table does not grow with every sign-in. */
    static void deleteExpired(Handle h, String now) {
        h.createUpdate("DELETE FROM ui_sessions WHERE expires_at < :now")
                .bind("now", now)
                .execute();
    }
}
