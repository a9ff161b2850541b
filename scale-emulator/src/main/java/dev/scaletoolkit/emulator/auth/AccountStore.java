package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.infra.crypto.SecretBox;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The only code that reads or writes the {@code accounts} table. The account's callback auth key is stored sealed
 * under the installation's master key ({@link SecretBox}): the emulator must send it, so it cannot be a hash.
 */
public final class AccountStore {
    private AccountStore() {}

    /** One account row, without its secret (read that with {@link #callbackAuthKey}). */
    public record Account(String id, String name, String email, String createdAt) {}

    static void insert(Handle h, SecretBox secrets, Account account, String callbackAuthKey) {
        h.createUpdate("INSERT INTO accounts (id, name, email, callback_auth_key, created_at)"
                        + " VALUES (:id, :name, :email, :cbk, :now)")
                .bind("id", account.id())
                .bind("name", account.name())
                .bind("email", account.email())
                .bind("cbk", SealedColumns.seal(secrets, callbackAuthKey, callbackContext(account.id())))
                .bind("now", account.createdAt())
                .execute();
    }

    public static Optional<Account> find(Handle h, String id) {
        return h.createQuery("SELECT id, name, email, created_at FROM accounts WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The account's callback auth key (the secret sent as {@code scale-callback-auth}), opened. */
    public static Optional<String> callbackAuthKey(Handle h, SecretBox secrets, String id) {
        return h.createQuery("SELECT callback_auth_key FROM accounts WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .map(stored -> SealedColumns.open(secrets, stored, callbackContext(id)));
    }

    /** Seals keys written before they were sealed (a data directory from an older version); returns how many. */
    static int sealLegacy(Handle h, SecretBox secrets) {
        int n = 0;
        for (var row : h.createQuery(
                        "SELECT id, callback_auth_key FROM accounts WHERE callback_auth_key NOT LIKE 'v1:%'")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()) {
            n += h.createUpdate(
                            "UPDATE accounts SET callback_auth_key = :sealed WHERE id = :id AND callback_auth_key = :old")
                    .bind("sealed", SealedColumns.seal(secrets, row[1], callbackContext(row[0])))
                    .bind("id", row[0])
                    .bind("old", row[1])
                    .execute();
        }
        return n;
    }

    /** Every account, oldest first. */
    public static List<Account> all(Handle h) {
        return h.createQuery("SELECT id, name, email, created_at FROM accounts ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs))
                .list();
    }

    public static int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM accounts")
                .mapTo(Integer.class)
                .one();
    }

    private static String callbackContext(String accountId) {
        return "accounts.callback_auth_key:" + accountId;
    }

    private static Account row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("created_at"));
    }
}
