package dev.scaletoolkit.emulator.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes the {@code accounts} table. */
public final class AccountStore {
    private AccountStore() {}

    /** One account row; {@code callbackAuthKey} is the secret sent as {@code scale-callback-auth}. */
    public record Account(String id, String name, String email, String callbackAuthKey, String createdAt) {}

    static void insert(Handle h, Account account) {
        h.createUpdate("INSERT INTO accounts (id, name, email, callback_auth_key, created_at)"
                        + " VALUES (:id, :name, :email, :cbk, :now)")
                .bind("id", account.id())
                .bind("name", account.name())
                .bind("email", account.email())
                .bind("cbk", account.callbackAuthKey())
                .bind("now", account.createdAt())
                .execute();
    }

    public static Optional<Account> find(Handle h, String id) {
        return h.createQuery("SELECT id, name, email, callback_auth_key, created_at FROM accounts WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** Every account, oldest first. */
    public static List<Account> all(Handle h) {
        return h.createQuery("SELECT id, name, email, callback_auth_key, created_at FROM accounts"
                        + " ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs))
                .list();
    }

    public static int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM accounts")
                .mapTo(Integer.class)
                .one();
    }

    private static Account row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("callback_auth_key"),
                rs.getString("created_at"));
    }
}
