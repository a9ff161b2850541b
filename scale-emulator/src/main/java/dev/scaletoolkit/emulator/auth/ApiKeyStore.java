package dev.scaletoolkit.emulator.auth;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes the {@code api_keys} table, which holds a SHA-256 of each key, never a key. */
final class ApiKeyStore {
    private ApiKeyStore() {}

    static void insert(Handle h, String accountId, String key, String label, String now) {
        h.createUpdate("INSERT INTO api_keys (key_hash, account_id, test_mode, label, created_at)"
                        + " VALUES (:hash, :a, :mode, :label, :now)")
                .bind("hash", ApiKeys.hash(key))
                .bind("a", accountId)
                .bind("mode", ApiKeys.isTestKey(key) ? 1 : 0)
                .bind("label", label)
                .bind("now", now)
                .execute();
    }

    /** The account and world of the key with this hash. */
    static Optional<Caller> find(Handle h, String keyHash) {
        return h.createQuery("SELECT account_id, test_mode FROM api_keys WHERE key_hash = :hash")
                .bind("hash", keyHash)
                .map((rs, ctx) -> new Caller(rs.getString("account_id"), rs.getInt("test_mode") == 1))
                .findOne();
    }
}
