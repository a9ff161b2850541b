package dev.scaletoolkit.emulator.signin;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code ui_users}: the password hash of each teammate who has chosen one. */
final class UserStore {
    private UserStore() {}

    /** A teammate who can sign in, in one account. */
    record User(String accountId, String email, String passwordHash) {}

    static Optional<User> find(Handle h, String accountId, String email) {
        return h.createQuery(
                        "SELECT account_id, email, password_hash FROM ui_users WHERE account_id = :a AND email = :e")
                .bind("a", accountId)
                .bind("e", email)
                .map((rs, ctx) -> new User(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne();
    }

    /** Every account where this email has a password, oldest first. */
    static List<User> byEmail(Handle h, String email) {
        return h.createQuery("SELECT account_id, email, password_hash FROM ui_users WHERE email = :e"
                        + " ORDER BY created_at, account_id")
                .bind("e", email)
                .map((rs, ctx) -> new User(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    static void upsert(Handle h, String accountId, String email, String passwordHash, String now) {
        int updated = h.createUpdate("UPDATE ui_users SET password_hash = :p, updated_at = :now"
                        + " WHERE account_id = :a AND email = :e")
                .bind("p", passwordHash)
                .bind("now", now)
                .bind("a", accountId)
                .bind("e", email)
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO ui_users (account_id, email, password_hash, created_at, updated_at)"
                            + " VALUES (:a, :e, :p, :now, :now)")
                    .bind("a", accountId)
                    .bind("e", email)
                    .bind("p", passwordHash)
                    .bind("now", now)
                    .execute();
        }
    }
}
