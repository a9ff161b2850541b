package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.signin.SignIn;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.team.Teammates;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control plane's side of browser sign-in (Scale emails invitations; the emulator hands the links to whoever
 * runs it):
 *
 * <ul>
 *   <li>{@code GET /_emulator/sign-in-links?email=} — a fresh one-time set-password link for every teammate who
 *       has none yet (invited or active), across accounts. Earlier links stay valid until one is used.
 *   <li>{@code POST /_emulator/sign-in-links} {@code {email, account_id?}} — a link for one teammate, also when
 *       they already have a password (a reset).
 * </ul>
 */
final class SignInLinkRoutes implements Routes {
    private final Accounts accounts;
    private final Teammates teammates;
    private final SignIn signIn;

    SignInLinkRoutes(Accounts accounts, Teammates teammates, SignIn signIn) {
        this.accounts = accounts;
        this.teammates = teammates;
        this.signIn = signIn;
    }

    @Override
    public void register(Router router) {
        router.get("/sign-in-links", req -> list(req.query("email")));
        router.post("/sign-in-links", req -> one(req.bodyObject()));
    }

    private ObjectNode list(Optional<String> email) {
        ObjectNode out = Docs.object();
        ArrayNode docs = out.putArray("docs");
        for (String account : accounts()) {
            for (Teammates.Member m : teammates.members(account)) {
                if (m.state().equals("disabled")
                        || email.isPresent()
                                && !Teammates.normalize(email.get()).equals(Teammates.normalize(m.email()))
                        || signIn.hasPassword(account, m.email())) {
                    continue;
                }
                signIn.mintLink(account, m.email()).ifPresent(url -> docs.add(entry(account, m, url)));
            }
        }
        return out;
    }

    private ObjectNode one(ObjectNode body) {
        String email = Fields.requireString(body, "email");
        Optional<String> only = Fields.optString(body, "account_id");
        for (String account : only.map(List::of).orElseGet(this::accounts)) {
            Optional<Teammates.Member> member = teammates.member(account, email);
            if (member.isPresent()) {
                Optional<String> url = signIn.mintLink(account, email);
                if (url.isPresent()) {
                    return entry(account, member.get(), url.get());
                }
            }
        }
        throw ApiError.notFound("No invited or active teammate with email " + email + ".");
    }

    private List<String> accounts() {
        return accounts.list().stream().map(a -> a.id()).toList();
    }

    private static ObjectNode entry(String account, Teammates.Member m, String url) {
        ObjectNode doc = Docs.object();
        doc.put("account_id", account);
        doc.put("email", m.email());
        doc.put("role", m.role());
        doc.put("state", m.state());
        doc.put("url", url);
        JsonNode expiry = m.doc().get("expiry");
        if (expiry != null) {
            doc.set("invitation_expiry", expiry);
        }
        return doc;
    }
}
