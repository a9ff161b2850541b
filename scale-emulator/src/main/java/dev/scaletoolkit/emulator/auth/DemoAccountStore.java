package dev.scaletoolkit.emulator.auth;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes the {@code demo_account} table (one row: the demo account and its keys). */
final class DemoAccountStore {
    private DemoAccountStore() {}

    record Row(String accountId, String liveKey, String testKey) {}

    static Optional<Row> find(Handle h) {
        return h.createQuery("SELECT account_id, live_key, test_key FROM demo_account WHERE slot = 1")
                .map((rs, ctx) ->
                        new Row(rs.getString("account_id"), rs.getString("live_key"), rs.getString("test_key")))
                .findOne();
    }

    /** Records the demo account; fails with a unique violation when another node recorded one first. */
    static void insert(Handle h, Row row, String now) {
        h.createUpdate("INSERT INTO demo_account (slot, account_id, live_key, test_key, created_at)"
                        + " VALUES (1, :a, :live, :test, :now)")
                .bind("a", row.accountId())
                .bind("live", row.liveKey())
                .bind("test", row.testKey())
                .bind("now", now)
                .execute();
    }
}
