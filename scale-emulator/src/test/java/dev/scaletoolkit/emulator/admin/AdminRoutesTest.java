package dev.scaletoolkit.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.emulator.workforce.SimTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The control plane: seeding, reset, finishing tasks by hand, workforce switches; all in Scale's error shape. */
class AdminRoutesTest {
    static TestEmulator scale;
    static Http admin;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        admin = new Http(scale.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @BeforeEach
    void clean() {
        assertThat(admin.post("/_emulator/reset", "").status()).isEqualTo(200);
    }

    private static int count(String table) {
        return scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }

    private static int authStatus(String key) {
        // No route lives at this path: 404 means the key was accepted, 401 that it was not.
        return new Http(scale.baseUrl(), key).get("/v1/no-such-resource").status();
    }

    @Test
    void seedCreatesAccountsWhoseChosenKeysWork() {
        Http.Resp r = admin.post("/_emulator/seed", """
                {"accounts": [{"name": "Acme", "email": "ops@acme.example",
                               "live_key": "live_acme_seed_1", "test_key": "test_acme_seed_1"}],
                 "projects": [{"name": "kittens", "type": "imageannotation", "params": {"instruction": "Box cats"}}]}""");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("accounts").get(0).get("created").asBoolean()).isTrue();
        assertThat(r.json()
                        .get("projects")
                        .get(0)
                        .get("param_history")
                        .get(0)
                        .get("instruction")
                        .asString())
                .isEqualTo("Box cats");
        assertThat(authStatus("live_acme_seed_1")).isEqualTo(404);
        assertThat(authStatus("test_acme_seed_1")).isEqualTo(404);
        String accountId = r.json().get("accounts").get(0).get("account_id").asString();
        int projects = scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM projects WHERE account_id = :a AND name = 'kittens'")
                        .bind("a", accountId)
                        .mapTo(Integer.class)
                        .one());
        assertThat(projects).isEqualTo(2); // live and test worlds

        Http.Resp again = admin.post("/_emulator/seed", """
                {"accounts": [{"name": "Acme", "email": "ops@acme.example",
                               "live_key": "live_acme_seed_1", "test_key": "test_acme_seed_1"}]}""");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("accounts").get(0).get("created").asBoolean())
                .isFalse();
        assertThat(again.json().get("accounts").get(0).get("account_id").asString())
                .isEqualTo(accountId);

        Http.Resp stolen = admin.post("/_emulator/seed", """
                {"accounts": [{"name": "Other", "email": "x@other.example", "live_key": "live_acme_seed_1"}]}""");
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.json().get("status_code").asInt()).isEqualTo(409);
    }

    @Test
    void seedRejectsBadInputNamingTheField() {
        Http.Resp noEmail = admin.post("/_emulator/seed", "{\"accounts\": [{\"name\": \"A\"}]}");
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.error()).contains("accounts[0].email");

        Http.Resp badTestKey = admin.post(
                "/_emulator/seed",
                "{\"accounts\": [{\"name\": \"A\", \"email\": \"a@a.example\", \"test_key\": \"abc\"}]}");
        assertThat(badTestKey.status()).isEqualTo(400);
        assertThat(badTestKey.error()).contains("accounts[0].test_key");

        int accountsBefore = count("accounts");
        Http.Resp notArray = admin.post("/_emulator/seed", "{\"accounts\": {}}");
        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.error()).contains("accounts");
        assertThat(count("accounts")).isEqualTo(accountsBefore);
    }

    @Test
    void resetKeepsAccountsAndKeysButDropsTheirData() {
        EmulatorContext context = scale.emulator().context();
        SimTasks.insert(
                context,
                scale.account().accountId(),
                SimTasks.doc("650000000000000000000301", "categorization", "{}", false),
                null);
        assertThat(count("tasks")).isEqualTo(1);

        Http.Resp r = admin.post("/_emulator/reset", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(count("tasks")).isZero();
        assertThat(count("team_members")).isEqualTo(count("accounts")); // each account keeps its owner
        assertThat(authStatus(scale.account().liveKey())).isEqualTo(404);
    }

    @Test
    void resetWithoutKeepingAccountsInvalidatesKeys() {
        try (TestEmulator own = TestEmulator.start(b -> b.workforceEnabled(false))) {
            Http ownAdmin = new Http(own.baseUrl(), null);
            Http api = new Http(own.baseUrl(), own.account().liveKey());
            assertThat(api.get("/v1/no-such-resource").status()).isEqualTo(404);

            assertThat(ownAdmin.post("/_emulator/reset", "{\"keep_accounts\": false}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/v1/no-such-resource").status()).isEqualTo(401);
            assertThat(ownAdmin.get("/_emulator/accounts").json().get("docs").isEmpty())
                    .isTrue();
        }
    }

    @Test
    void tasksCanBeCompletedOrFailedByHandOnlyWhilePending() {
        EmulatorContext context = scale.emulator().context();
        String account = scale.account().accountId();
        String a = SimTasks.insert(
                context, account, SimTasks.doc("650000000000000000000311", "categorization", "{}", false), null);
        String b = SimTasks.insert(
                context, account, SimTasks.doc("650000000000000000000312", "categorization", "{}", false), null);

        Http.Resp done = admin.post("/_emulator/tasks/" + a + "/complete", "{\"response\": {\"category\": \"mine\"}}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("response").get("category").asString()).isEqualTo("mine");
        assertThat(SimTasks.status(context, a)).isEqualTo("completed");

        Http.Resp twice = admin.post("/_emulator/tasks/" + a + "/complete", "");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.error()).contains("completed");

        Http.Resp failed = admin.post("/_emulator/tasks/" + b + "/fail", "{\"error\": \"Image could not be read\"}");
        assertThat(failed.status()).isEqualTo(200);
        ObjectNode stored = SimTasks.load(context, b);
        assertThat(stored.get("status").asString()).isEqualTo("error");
        assertThat(stored.get("response").get("error").asString()).isEqualTo("Image could not be read");

        Http.Resp unknown = admin.post("/_emulator/tasks/650000000000000000000399/complete", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("status_code").asInt()).isEqualTo(404);

        Http.Resp badResponse = admin.post("/_emulator/tasks/" + b + "/complete", "{\"response\": 3}");
        assertThat(badResponse.status()).isEqualTo(400);
        assertThat(badResponse.error()).contains("response");
    }

    @Test
    void workforceSwitchesValidateTheirInput() {
        Http.Resp state = admin.get("/_emulator/workforce");
        assertThat(state.json().get("enabled").asBoolean()).isFalse();
        assertThat(state.json().get("delay_ms").asLong()).isEqualTo(200);

        Http.Resp negative = admin.post("/_emulator/workforce", "{\"delay_ms\": -5}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.error()).contains("delay_ms");

        Http.Resp notBool = admin.post("/_emulator/workforce", "{\"enabled\": \"sometimes\"}");
        assertThat(notBool.status()).isEqualTo(400);
        assertThat(notBool.error()).contains("enabled");
    }

    @Test
    void accountsListShowsNoKeys() {
        Http.Resp r = admin.get("/_emulator/accounts");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("docs").toString()).contains("owner@test.example");
        assertThat(r.text())
                .doesNotContain(scale.account().liveKey())
                .doesNotContain(scale.account().callbackAuthKey());
    }

    @Test
    void acceptingAnInvitationMakesTheTeammateActiveForStudio() {
        Http api = new Http(scale.baseUrl(), scale.account().liveKey());
        api.post("/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"studio_p\", \"studio\": true}");
        api.post("/v1/teams/invite", "{\"emails\": [\"ana@test.example\"], \"team_role\": \"labeler\"}");
        assertThat(api.get("/v1/studio/assignments").json().has("ana@test.example"))
                .as("invited members are not active yet")
                .isFalse();

        Http.Resp accepted = admin.post("/_emulator/teams/accept", "{\"email\": \"ana@test.example\"}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(api.get("/v1/studio/assignments").json().has("ana@test.example"))
                .isTrue();
        Http.Resp again = admin.post("/_emulator/teams/accept", "{\"email\": \"ana@test.example\"}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).contains("ana@test.example");
    }

    @Test
    void theClockRouteMakesTimePassForTheWorkforceAndTimestamps() {
        // A workforce an hour away: only the clock moving (no waiting) gets the task done.
        try (TestEmulator slow = TestEmulator.start(b -> b.workforceDelay(java.time.Duration.ofHours(1)))) {
            Http control = new Http(slow.baseUrl(), null);
            Http api = new Http(slow.baseUrl(), slow.account().liveKey());
            String id = api.post(
                            "/v1/task/categorization",
                            "{\"attachment_type\": \"text\", \"attachment\": \"a\", \"categories\": [\"x\", \"y\"],"
                                    + " \"instruction\": \"Pick one.\"}")
                    .json()
                    .path("task_id")
                    .asString();
            assertThat(slow.emulator().services().workforce().pollNow()).isZero();

            Http.Resp moved = control.post("/_emulator/clock", "{\"advance_seconds\": 7200}");
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(moved.json().path("offset_ms").asLong()).isEqualTo(7_200_000L);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> api.get("/v1/task/" + id)
                            .json()
                            .path("status")
                            .asString()
                            .equals("completed"));
            assertThat(control.get("/_emulator/clock").json().path("offset_ms").asLong())
                    .isEqualTo(7_200_000L);

            Http.Resp backwards = control.post("/_emulator/clock", "{\"advance_ms\": -1}");
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.json().path("error").asString()).contains("advance_ms");
            assertThat(control.post("/_emulator/clock", "{}").status()).isEqualTo(400);
        }
    }
}
