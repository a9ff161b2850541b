package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.AccountStore;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.ApiKeys;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Fields;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /_emulator/seed}: accounts with keys the caller chooses, and projects in them.
 *
 * <pre>{@code
 * {"accounts": [{"name": "Acme", "email": "ops@acme.example", "live_key": "live_acme1", "test_key": "test_acme1"}],
 *  "projects": [{"account": "ops@acme.example", "name": "kittens", "type": "imageannotation",
 *                "params": {"instruction": "Box every kitten"}, "mode": "both"}]}
 * }</pre>
 *
 * <p>Seeding the same account again (same email and keys) returns it unchanged, so a suite can seed before every
 * run. Everything is checked before anything is written; each account is then committed on its own.
 */
final class Seeder {
    private final EmulatorContext context;

    Seeder(EmulatorContext context) {
        this.context = context;
    }

    private record AccountSpec(String name, String email, String liveKey, String testKey) {}

    private record ProjectSpec(String account, String name, String type, ObjectNode doc, List<Integer> modes) {}

    ObjectNode seed(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        List<AccountSpec> accounts = new ArrayList<>();
        JsonNode list = array(body, "accounts");
        for (int i = 0; i < list.size(); i++) {
            accounts.add(account(list.get(i), "accounts[" + i + "]"));
        }
        List<ProjectSpec> projects = new ArrayList<>();
        JsonNode projectList = array(body, "projects");
        for (int i = 0; i < projectList.size(); i++) {
            projects.add(project(projectList.get(i), "projects[" + i + "]", accounts));
        }

        ObjectNode out = Docs.object();
        ArrayNode seededAccounts = out.putArray("accounts");
        for (AccountSpec spec : accounts) {
            seededAccounts.add(createOrFind(spec));
        }
        ArrayNode seededProjects = out.putArray("projects");
        for (ProjectSpec spec : projects) {
            seededProjects.add(createProject(spec));
        }
        return out;
    }

    private static JsonNode array(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return ScaleJson.mapper().createArrayNode();
        }
        if (!v.isArray()) {
            throw ApiError.invalidParam(field, "must be an array, got a " + ApiRequest.kind(v));
        }
        return v;
    }

    private static AccountSpec account(JsonNode item, String where) {
        if (!item.isObject()) {
            throw ApiError.invalidParam(where, "must be an object with name and email");
        }
        String name = requireString(item, where, "name");
        String email = requireString(item, where, "email");
        String live = optString(item, where, "live_key").orElse(null);
        String test = optString(item, where, "test_key").orElse(null);
        if (live != null && ApiKeys.isTestKey(live)) {
            throw ApiError.invalidParam(where + ".live_key", "must not look like a test key (test_… or …|test)");
        }
        if (test != null && !ApiKeys.isTestKey(test)) {
            throw ApiError.invalidParam(where + ".test_key", "must start with test_ or end with |test");
        }
        if (live != null && live.equals(test)) {
            throw ApiError.invalidParam(where + ".test_key", "must differ from live_key");
        }
        return new AccountSpec(name, email, live, test);
    }

    private static ProjectSpec project(JsonNode item, String where, List<AccountSpec> seeded) {
        if (!item.isObject()) {
            throw ApiError.invalidParam(where, "must be an object with name and type");
        }
        String name = requireString(item, where, "name");
        String type = requireString(item, where, "type");
        String account = optString(item, where, "account")
                .or(() -> seeded.stream().map(AccountSpec::email).findFirst())
                .orElseThrow(() -> ApiError.invalidParam(
                        where + ".account", "is required when no account is seeded in the same call"));
        String mode = optString(item, where, "mode").orElse("both");
        List<Integer> modes = switch (mode) {
            case "live" -> List.of(0);
            case "test" -> List.of(1);
            case "both" -> List.of(0, 1);
            default -> throw ApiError.invalidParam(where + ".mode", "must be live, test or both, got \"" + mode + "\"");
        };
        ObjectNode params = Fields.optObject(item, "params").orElse(Docs.object());
        ObjectNode doc = Docs.object();
        doc.put("type", type);
        doc.put("name", name);
        ObjectNode version = doc.putArray("param_history").addObject();
        version.setAll(params);
        version.put("version", 0);
        doc.put("archived", false);
        for (String flag : List.of("rapid", "studio")) {
            Fields.optBool(item, flag).ifPresent(v -> doc.put(flag, v));
        }
        return new ProjectSpec(account, name, type, doc, modes);
    }

    private ObjectNode createOrFind(AccountSpec spec) {
        Optional<String> existing = spec.liveKey() == null ? Optional.empty() : accountOfKey(spec.liveKey());
        Optional<String> existingTest = spec.testKey() == null ? Optional.empty() : accountOfKey(spec.testKey());
        ObjectNode out = Docs.object();
        if (existing.isPresent() || existingTest.isPresent()) {
            String id = existing.or(() -> existingTest).get();
            boolean same = existing.map(id::equals).orElse(spec.liveKey() == null)
                    && existingTest.map(id::equals).orElse(spec.testKey() == null)
                    && spec.email().equals(emailOf(id));
            if (!same) {
                throw ApiError.conflict("A key of account " + spec.email() + " is already used by another account.");
            }
            out.put("account_id", id);
            out.put("name", spec.name());
            out.put("email", spec.email());
            out.put("live_key", spec.liveKey());
            out.put("test_key", spec.testKey());
            out.put("callback_auth_key", new Accounts(context).callbackAuthKey(id));
            out.put("created", false);
            return out;
        }
        String live = spec.liveKey() != null ? spec.liveKey() : "live_" + Ids.secret(16);
        String test = spec.testKey() != null ? spec.testKey() : "test_" + Ids.secret(16);
        Accounts.NewAccount made;
        try {
            made = new Accounts(context).create(spec.name(), spec.email(), live, test);
        } catch (UnableToExecuteStatementException e) {
            // Another seed call took one of these keys between the check above and this insert.
            throw ApiError.conflict("A key of account " + spec.email() + " is already used by another account.");
        }
        out.put("account_id", made.accountId());
        out.put("name", made.name());
        out.put("email", made.email());
        out.put("live_key", made.liveKey());
        out.put("test_key", made.testKey());
        out.put("callback_auth_key", made.callbackAuthKey());
        out.put("created", true);
        return out;
    }

    private ObjectNode createProject(ProjectSpec spec) {
        String accountId = context.db()
                .read(h -> AccountStore.all(h).stream()
                        .filter(a -> a.email().equals(spec.account()))
                        .map(AccountStore.Account::id)
                        .findFirst())
                .orElseThrow(() -> ApiError.notFound("No account with email " + spec.account() + "."));
        String now = context.now();
        ObjectNode doc = spec.doc().deepCopy();
        doc.put("created_at", now);
        ((ObjectNode) doc.get("param_history").get(0)).put("created_at", now);
        context.db().write(h -> {
            for (int mode : spec.modes()) {
                Caller owner = new Caller(accountId, mode == 1);
                if (ProjectStore.exists(h, owner, spec.name())) {
                    throw ApiError.conflict(
                            "Project " + spec.name() + " already exists in account " + spec.account() + ".");
                }
                ProjectStore.insert(h, owner, doc);
            }
            return null;
        });
        ObjectNode out = doc.deepCopy();
        out.put("account_id", accountId);
        return out;
    }

    private Optional<String> accountOfKey(String key) {
        return context.db().read(h -> ApiKeys.find(h, key).map(Caller::accountId));
    }

    private String emailOf(String accountId) {
        return context.db()
                .read(h -> AccountStore.find(h, accountId).orElseThrow().email());
    }

    private static String requireString(JsonNode item, String where, String field) {
        return optString(item, where, field).orElseThrow(() -> ApiError.missingParam(where + "." + field));
    }

    private static Optional<String> optString(JsonNode item, String where, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull() || (v.isString() && v.stringValue().isBlank())) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw ApiError.invalidParam(where + "." + field, "must be a string, got a " + ApiRequest.kind(v));
        }
        return Optional.of(v.stringValue());
    }
}
