package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.emulator.team.TeamStore;
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
        return context.db().write(h -> create(h, name, email, liveKey, testKey));
    }

    /** Creates an account inside a write transaction the caller holds. */
    public NewAccount create(Handle h, String name, String email, String liveKey, String testKey) {
        String id = context.ids().objectId();
        String callbackKey = "cbk_" + Ids.secret(16);
        String now = context.now();
        AccountStore.insert(h, new AccountStore.Account(id, name, email, callbackKey, now));
        ApiKeyStore.insert(h, id, liveKey, "live", now);
        ApiKeyStore.insert(h, id, testKey, "test", now);
        ObjectNode member = Docs.object();
        member.put("email", email);
        member.put("role", "admin");
        member.put("disableRapidEmails", false);
        member.put("isStudioLabeler", false);
        member.put("company", name);
        TeamStore.insert(h, id, email, "admin", "active", now, member);
        return new NewAccount(id, name, email, liveKey, testKey, callbackKey);
    }

    /** The account's callback auth key, sent as {@code scale-callback-auth} on its callbacks. */
    public String callbackAuthKey(String accountId) {
        return context.db()
                .read(h -> AccountStore.find(h, accountId).orElseThrow().callbackAuthKey());
    }
}
