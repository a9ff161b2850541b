package dev.scaletoolkit.emulator.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TeamRoutesTest {
    TestEmulator scale;
    Http live;

    @BeforeEach
    void start() {
        scale = TestEmulator.start();
        live = new Http(scale.baseUrl(), scale.account().liveKey());
    }

    @AfterEach
    void stop() {
        scale.close();
    }

    static JsonNode member(JsonNode team, String email) {
        for (JsonNode m : team) {
            if (m.path("email").asString().equals(email)) {
                return m;
            }
        }
        return null;
    }

    @Test
    void theTeamStartsWithTheOwnerAsAdmin() {
        Http.Resp r = live.get("/v1/teams");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "teams/teammates.json");
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).path("email").asString())
                .isEqualTo(scale.account().email());
        assertThat(r.json().get(0).path("role").asString()).isEqualTo("admin");
        assertThat(r.json().get(0).has("expiry")).isFalse();
    }

    @Test
    void invitedMembersExpireADayLater() {
        Instant before = Instant.now();
        Http.Resp r = live.post(
                "/v1/teams/invite",
                "{\"emails\": [\"ines@crew.example\", \"ola@crew.example\"], \"team_role\": \"labeler\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "teams/teammates.json");
        assertThat(r.json()).hasSize(3);
        JsonNode ines = member(r.json(), "ines@crew.example");
        Fixtures.assertShape(ines, "teams/teammate_invited.json");
        assertThat(ines.path("role").asString()).isEqualTo("labeler");
        assertThat(ines.path("isStudioLabeler").asBoolean()).isTrue();
        Instant expiry = ScaleTime.parse(ines.path("expiry").asString()).orElseThrow();
        assertThat(expiry).isBetween(before.plus(Duration.ofHours(23)), before.plus(Duration.ofHours(25)));
        assertThat(live.get("/v1/teams").json()).isEqualTo(r.json());
    }

    @Test
    void invitingSomeoneAlreadyActiveChangesNothing() {
        Http.Resp r = live.post(
                "/v1/teams/invite", "{\"emails\": [\"" + scale.account().email() + "\"], \"team_role\": \"labeler\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).path("role").asString()).isEqualTo("admin");
    }

    @Test
    void badInvitationsAre400NamingTheField() {
        Http.Resp role = live.post("/v1/teams/invite", "{\"emails\": [\"a@b.example\"], \"team_role\": \"boss\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.error()).contains("\"team_role\"", "labeler", "member", "manager", "boss");
        assertThat(live.post("/v1/teams/invite", "{\"emails\": [\"a@b.example\"]}")
                        .error())
                .contains("\"team_role\"");
        Http.Resp missing = live.post("/v1/teams/invite", "{\"team_role\": \"member\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).contains("\"emails\"");
        assertThat(live.post("/v1/teams/invite", "{\"emails\": [], \"team_role\": \"member\"}")
                        .status())
                .isEqualTo(400);
        Http.Resp malformed = live.post(
                "/v1/teams/invite", "{\"emails\": [\"ok@b.example\", \"not-an-email\"], \"team_role\": \"member\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).contains("emails[1]", "not-an-email");
        assertThat(live.get("/v1/teams").json()).hasSize(1);
    }

    @Test
    void setRoleChangesRolesOfKnownMembers() {
        live.post("/v1/teams/invite", "{\"emails\": [\"sam@crew.example\"], \"team_role\": \"member\"}");
        scale.emulator()
                .context()
                .db()
                .write(h -> Teammates.accept(h, scale.account().accountId(), "sam@crew.example"));
        Http.Resp r =
                live.post("/v1/teams/set_role", "{\"emails\": [\"SAM@crew.example\"], \"team_role\": \"labeler\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "teams/teammates.json");
        JsonNode sam = member(r.json(), "sam@crew.example");
        assertThat(sam.path("role").asString()).isEqualTo("labeler");
        assertThat(sam.path("isStudioLabeler").asBoolean()).isTrue();
        assertThat(sam.has("expiry")).isFalse();
    }

    @Test
    void setRoleOnAnUnknownEmailIs404AndChangesNoOne() {
        live.post("/v1/teams/invite", "{\"emails\": [\"kim@crew.example\"], \"team_role\": \"member\"}");
        Http.Resp r = live.post(
                "/v1/teams/set_role",
                "{\"emails\": [\"kim@crew.example\", \"ghost@crew.example\"], \"team_role\": \"manager\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("ghost@crew.example");
        assertThat(member(live.get("/v1/teams").json(), "kim@crew.example")
                        .path("role")
                        .asString())
                .isEqualTo("member");
    }

    @Test
    void setRoleRefusesBadRolesAndTheOwner() {
        Http.Resp role = live.post(
                "/v1/teams/set_role", "{\"emails\": [\"" + scale.account().email() + "\"], \"team_role\": \"admin\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.error()).contains("\"team_role\"");
        Http.Resp owner = live.post(
                "/v1/teams/set_role", "{\"emails\": [\"" + scale.account().email() + "\"], \"team_role\": \"member\"}");
        assertThat(owner.status()).isEqualTo(400);
        assertThat(owner.error()).contains(scale.account().email());
    }

    @Test
    void teamsAreSharedByBothModesButNotByAccounts() {
        live.post("/v1/teams/invite", "{\"emails\": [\"both@crew.example\"], \"team_role\": \"member\"}");
        Http test = new Http(scale.baseUrl(), scale.account().testKey());
        assertThat(member(test.get("/v1/teams").json(), "both@crew.example")).isNotNull();

        Accounts.NewAccount other = scale.newAccount("Elsewhere", "boss@elsewhere.example");
        JsonNode theirs =
                new Http(scale.baseUrl(), other.liveKey()).get("/v1/teams").json();
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).path("email").asString()).isEqualTo("boss@elsewhere.example");
    }
}
