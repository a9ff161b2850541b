package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Ids;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** Creates accounts with their keys and first team member (Scale's {@code /teams} is never empty). */
public final class Accounts {
    private final EmulatorContext context;

    public Accounts(EmulatorContext context) {
        this.context = context;
    }

    /** A new account and its keys. The keys appear here only; the database keeps their hashes. */
    public record NewAccount(
            String accountId, String name, String email, String liveKey, String testKey, String callbackAuthKey) {}

    public NewAccount create(String name, String email) {
        return create(name, email, "live_" + Ids.secret(16), "test_" + Ids.secret(16));
    }

    /** Creates an account with the given keys (used by seeding, where tests choose their keys). */
    public NewAccount create(String name, String email, String liveKey, String testKey) {
        String id = context.ids().objectId();
        String callbackKey = "cbk_" + Ids.secret(16);
        String now = context.now();
        context.db().write(h -> {
            h.createUpdate("INSERT INTO accounts (id, name, email, callback_auth_key, created_at)"
                            + " VALUES (:id, :name, :email, :cbk, :now)")
                    .bind("id", id)
                    .bind("name", name)
                    .bind("email", email)
                    .bind("cbk", callbackKey)
                    .bind("now", now)
                    .execute();
            insertKey(h, id, liveKey, "live", now);
            insertKey(h, id, testKey, "test", now);
            ObjectNode member = Docs.object();
            member.put("email", email);
            member.put("role", "admin");
            member.put("disableRapidEmails", false);
            member.put("isStudioLabeler", false);
            member.put("company", name);
            h.createUpdate("INSERT INTO team_members (account_id, email, role, state, created_at, doc)"
                            + " VALUES (:a, :email, 'admin', 'active', :now, :doc)")
                    .bind("a", id)
                    .bind("email", email)
                    .bind("now", now)
                    .bind("doc", Docs.write(member))
                    .execute();
            return null;
        });
        return new NewAccount(id, name, email, liveKey, testKey, callbackKey);
    }

    private static void insertKey(Handle h, String accountId, String key, String label, String now) {
        h.createUpdate("INSERT INTO api_keys (key_hash, account_id, test_mode, label, created_at)"
                        + " VALUES (:hash, :a, :mode, :label, :now)")
                .bind("hash", ApiKeys.hash(key))
                .bind("a", accountId)
                .bind("mode", ApiKeys.isTestKey(key) ? 1 : 0)
                .bind("label", label)
                .bind("now", now)
                .execute();
    }

    /** The account's callback auth key, sent as {@code scale-callback-auth} on its callbacks. */
    public String callbackAuthKey(String accountId) {
        return context.db()
                .read(h -> h.createQuery("SELECT callback_auth_key FROM accounts WHERE id = :id")
                        .bind("id", accountId)
                        .mapTo(String.class)
                        .one());
    }
}
