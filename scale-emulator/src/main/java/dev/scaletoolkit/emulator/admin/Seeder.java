package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.ApiKeys;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.project.Projects;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final Accounts accounts;
    private final Projects projects;

    Seeder(Accounts accounts, Projects projects) {
        this.accounts = accounts;
        this.projects = projects;
    }

    private record AccountSpec(String name, String email, String liveKey, String testKey) {}

    /** A project to create, as the body of {@code POST /v1/projects}, in the test modes listed. */
    private record ProjectSpec(String account, ObjectNode body, List<Boolean> testModes) {}

    ObjectNode seed(ObjectNode body) {
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
            throw ApiError.invalidParam(field, "must be an array, got a " + Fields.kind(v));
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
        List<Boolean> modes = switch (mode) {
            case "live" -> List.of(false);
            case "test" -> List.of(true);
            case "both" -> List.of(false, true);
            default -> throw ApiError.invalidParam(where + ".mode", "must be live, test or both, got \"" + mode + "\"");
        };
        // Everything but the seed's own keys goes to Projects.create, which checks it as POST /v1/projects does.
        ObjectNode body = ((ObjectNode) item).deepCopy();
        body.remove("account");
        body.remove("mode");
        body.put("type", type);
        body.put("name", name);
        return new ProjectSpec(account, body, modes);
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
            out.put("callback_auth_key", accounts.callbackAuthKey(id));
            out.put("created", false);
            return out;
        }
        String live = spec.liveKey() != null ? spec.liveKey() : "live_" + Ids.secret(16);
        String test = spec.testKey() != null ? spec.testKey() : "test_" + Ids.secret(16);
        Accounts.NewAccount made = accounts.create(spec.name(), spec.email(), live, test);
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
        String accountId = accounts.idOfEmail(spec.account())
                .orElseThrow(() -> ApiError.notFound("No account with email " + spec.account() + "."));
        List<Caller> owners = spec.testModes().stream()
                .map(test -> new Caller(accountId, test))
                .toList();
        ObjectNode out = projects.createAll(owners, spec.body()).get(0).deepCopy();
        out.put("account_id", accountId);
        return out;
    }

    private Optional<String> accountOfKey(String key) {
        return accounts.idOfKey(key);
    }

    private String emailOf(String accountId) {
        return accounts.emailOf(accountId).orElseThrow();
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
            throw ApiError.invalidParam(where + "." + field, "must be a string, got a " + Fields.kind(v));
        }
        return Optional.of(v.stringValue());
    }
}
