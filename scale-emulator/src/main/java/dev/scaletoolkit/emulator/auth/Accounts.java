package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.emulator.team.TeamStore;
import dev.scaletoolkit.emulator.team.Teammates;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account service: creates accounts with their keys and first team member (Scale's {@code /teams} is never
 * empty), lists them, and finds them by key or email.
 */
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

    /**
     * Creates an account with the given keys (used by seeding, where tests choose their keys); 409 when another
     * account took one of the keys first.
     */
    public NewAccount create(String name, String email, String liveKey, String testKey) {
        try {
            return context.db().write(h -> create(h, name, email, liveKey, testKey));
        } catch (UnableToExecuteStatementException e) {
            throw ApiError.conflict("A key of account " + email + " is already used by another account.");
        }
    }

    /** Creates an account inside a write transaction the caller holds. */
    public NewAccount create(Handle h, String name, String email, String liveKey, String testKey) {
        String id = context.ids().objectId();
        String callbackKey = "cbk_" + Ids.secret(16);
        String now = context.now();
        AccountStore.insert(h, context.secrets(), new AccountStore.Account(id, name, email, now), callbackKey);
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

    /** The caller a bare API key stands for; 401 when it is no key of any account. */
    public Caller authenticate(String apiKey) {
        return context.apiKeys().authenticate("Bearer " + apiKey);
    }

    /** Every account (never its keys), oldest first. */
    public List<AccountStore.Account> list() {
        return context.db().read(AccountStore::all);
    }

    /** The account a key belongs to, if any. */
    public Optional<String> idOfKey(String key) {
        return context.db().read(h -> ApiKeys.find(h, key).map(Caller::accountId));
    }

    /** The id of the account with this email, if any. */
    public Optional<String> idOfEmail(String email) {
        return context.db()
                .read(h -> AccountStore.all(h).stream()
                        .filter(a -> a.email().equals(email))
                        .map(AccountStore.Account::id)
                        .findFirst());
    }

    /** The account's email; empty when there is no such account. */
    public Optional<String> emailOf(String accountId) {
        return context.db().read(h -> AccountStore.find(h, accountId).map(AccountStore.Account::email));
    }

    /**
     * Stands in for a teammate clicking the invitation link (Scale's API has no route for it): the invited email
     * becomes an active member of {@code onlyAccount}, or of every account that invited it when that is null.
     *
     * @return how many invitations were accepted
     */
    public int acceptInvitation(String email, String onlyAccount) {
        return context.db().write(h -> {
            List<String> accounts = onlyAccount != null
                    ? List.of(onlyAccount)
                    : AccountStore.all(h).stream().map(AccountStore.Account::id).toList();
            int n = 0;
            for (String account : accounts) {
                if (Teammates.accept(h, account, email)) {
                    n++;
                }
            }
            return n;
        });
    }

    /** The account's callback auth key, sent as {@code scale-callback-auth} on its callbacks. */
    public String callbackAuthKey(String accountId) {
        return context.db()
                .read(h -> AccountStore.callbackAuthKey(h, context.secrets(), accountId)
                        .orElseThrow());
    }
}
