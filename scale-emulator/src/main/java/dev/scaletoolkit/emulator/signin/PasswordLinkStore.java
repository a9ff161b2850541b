package dev.scaletoolkit.emulator.signin;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code ui_password_links}: one-time set-password links, stored as digests of their tokens. */
final class PasswordLinkStore {
    private PasswordLinkStore() {}

    /** Who a link is for. */
    /** A set-password link: whose it is and until when it works. */
    record Link(String accountId, String email, String expiresAt) {}

    static void insert(Handle h, String tokenHash, String accountId, String email, String now, String expiresAt) {
        h.createUpdate("INSERT INTO ui_password_links (token_hash, account_id, email, created_at, expires_at)"
                        + " VALUES (:t, :a, :e, :now, :exp)")
                .bind("t", tokenHash)
                .bind("a", accountId)
                .bind("e", email)
                .bind("now", now)
                .bind("exp", expiresAt)
                .execute();
    }

    static Optional<Link> find(Handle h, String tokenHash) {
        return h.createQuery("SELECT account_id, email, expires_at FROM ui_password_links WHERE token_hash = :t")
                .bind("t", tokenHash)
                .map((rs, ctx) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne();
    }

    /** Removes every link of one teammate (after one of them was used). */
    static void deleteFor(Handle h, String accountId, String email) {
        h.createUpdate("DELETE FROM ui_password_links WHERE account_id = :a AND email = :e")
                .bind("a", accountId)
                .bind("e", email)
                .execute();
    }
}
