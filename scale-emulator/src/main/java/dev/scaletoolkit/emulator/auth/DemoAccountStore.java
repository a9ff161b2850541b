package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.infra.crypto.SecretBox;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The only code that reads or writes the {@code demo_account} table (one row: the demo account and its keys). The
 * keys are stored sealed under the installation's master key: {@code ./scale up} prints them at every start.
 */
final class DemoAccountStore {
    private DemoAccountStore() {}

    record Row(String accountId, String liveKey, String testKey) {}

    static Optional<Row> find(Handle h, SecretBox secrets) {
        return h.createQuery("SELECT account_id, live_key, test_key FROM demo_account WHERE slot = 1")
                .map((rs, ctx) -> {
                    String id = rs.getString("account_id");
                    return new Row(
                            id,
                            SealedColumns.open(secrets, rs.getString("live_key"), context(id, "live_key")),
                            SealedColumns.open(secrets, rs.getString("test_key"), context(id, "test_key")));
                })
                .findOne();
    }

    /** Records the demo account; fails with a unique violation when another node recorded one first. */
    static void insert(Handle h, SecretBox secrets, Row row, String now) {
        h.createUpdate("INSERT INTO demo_account (slot, account_id, live_key, test_key, created_at)"
                        + " VALUES (1, :a, :live, :test, :now)")
                .bind("a", row.accountId())
                .bind("live", SealedColumns.seal(secrets, row.liveKey(), context(row.accountId(), "live_key")))
                .bind("test", SealedColumns.seal(secrets, row.testKey(), context(row.accountId(), "test_key")))
                .bind("now", now)
                .execute();
    }

    /** Seals a row written in the clear by an older version; returns how many rows changed. */
    static int sealLegacy(Handle h, SecretBox secrets) {
        return h.createQuery("SELECT account_id, live_key, test_key FROM demo_account WHERE slot = 1"
                        + " AND (live_key NOT LIKE 'v1:%' OR test_key NOT LIKE 'v1:%')")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .findOne()
                .map(r -> h.createUpdate("UPDATE demo_account SET live_key = :live, test_key = :test WHERE slot = 1")
                        .bind("live", r[1].startsWith("v1:") ? r[1] : secrets.seal(r[1], context(r[0], "live_key")))
                        .bind("test", r[2].startsWith("v1:") ? r[2] : secrets.seal(r[2], context(r[0], "test_key")))
                        .execute())
                .orElse(0);
    }

    private static String context(String accountId, String column) {
        return "demo_account." + column + ":" + accountId;
    }
}
