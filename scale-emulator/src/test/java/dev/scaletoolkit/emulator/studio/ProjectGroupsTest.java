package dev.scaletoolkit.emulator.studio;

import static dev.scaletoolkit.emulator.studio.StudioWorld.LABELER;
import static dev.scaletoolkit.emulator.studio.StudioWorld.OWNER;
import static dev.scaletoolkit.emulator.studio.StudioWorld.assertBadRequest;
import static dev.scaletoolkit.emulator.studio.StudioWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectGroupsTest {
    static final String GROUPS = "/v1/studio/projects/lighthouse%20studio/groups";
    static TestEmulator scale;
    StudioWorld world;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @BeforeEach
    void newWorld() {
        world = new StudioWorld(scale);
        world.studioProject(world.live, "lighthouse studio");
    }

    static List<String> emails(JsonNode group) {
        List<String> out = new ArrayList<>();
        group.path("workers").forEach(w -> out.add(w.path("email").asString()));
        return out;
    }

    @Test
    void createMakesAGroupOfActiveTeammates() {
        Http.Resp r = ok(world.live.post(
                GROUPS, "{\"name\": \"night_shift\", \"emails\": [\"" + LABELER + "\", \"" + OWNER + "\"]}"));
        Fixtures.assertShape(r.json(), "studio/project_group.json");
        assertThat(r.json().path("name").asString()).isEqualTo("night_shift");
        assertThat(r.json().path("numWorkers").asInt()).isEqualTo(2);
        assertThat(r.json().path("isSingleton").asBoolean()).isFalse();
        assertThat(emails(r.json())).containsExactly(LABELER, OWNER);
        assertThat(r.json().path("workers").get(0).path("id").asString()).matches("[0-9a-f]{24}");

        Http.Resp list = ok(world.live.get(GROUPS));
        Fixtures.assertShape(list.json(), "studio/project_groups.json");
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0)).isEqualTo(r.json());
    }

    @Test
    void badGroupsAre400NamingTheFieldAndDuplicatesAre409() {
        ok(world.live.post(GROUPS, "{\"name\": \"night_shift\", \"emails\": []}"));
        Http.Resp dup = world.live.post(GROUPS, "{\"name\": \"night_shift\", \"emails\": []}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.error()).contains("night_shift");
        assertBadRequest(world.live.post(GROUPS, "{\"emails\": []}"), "\"name\"");
        assertBadRequest(world.live.post(GROUPS, "{\"name\": \"g\"}"), "\"emails\"");
        assertBadRequest(world.live.post(GROUPS, "{\"name\": \"g\", \"emails\": 5}"), "\"emails\"");
        assertBadRequest(
                world.live.post(GROUPS, "{\"name\": \"g\", \"emails\": [\"nobody@else.example\"]}"),
                "\"emails\"",
                "nobody@else.example");
        assertThat(ok(world.live.get(GROUPS)).json()).hasSize(1);
    }

    @Test
    void groupsNeedAStudioProjectOfTheCallersMode() {
        Http.Resp unknown = world.live.get("/v1/studio/projects/nowhere/groups");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).contains("nowhere");
        world.plainProject(world.live, "plain");
        assertBadRequest(world.live.get("/v1/studio/projects/plain/groups"), "plain", "Studio");
        assertBadRequest(
                world.live.post("/v1/studio/projects/plain/groups", "{\"name\": \"g\", \"emails\": []}"), "plain");

        ok(world.live.post(GROUPS, "{\"name\": \"live_group\", \"emails\": []}"));
        assertThat(world.test.get(GROUPS).status()).isEqualTo(404);
        world.studioProject(world.test, "lighthouse studio");
        assertThat(ok(world.test.get(GROUPS)).json()).isEmpty();
        Http other = new Http(scale.baseUrl(), scale.account().liveKey());
        assertThat(other.get(GROUPS).status()).isEqualTo(404);
    }

    @Test
    void updateAddsAndRemovesWorkersByGroupNameOrId() {
        world.join("third@lighthouse.example", "labeler");
        Http.Resp created =
                ok(world.live.post(GROUPS, "{\"name\": \"night shift\", \"emails\": [\"" + LABELER + "\"]}"));
        Http.Resp r = ok(world.live.put(
                GROUPS + "/night%20shift",
                "{\"add_emails\": [\"third@lighthouse.example\", \"" + LABELER + "\"], \"remove_emails\": []}"));
        Fixtures.assertShape(r.json(), "studio/project_group.json");
        assertThat(emails(r.json())).containsExactly(LABELER, "third@lighthouse.example");
        assertThat(r.json().path("numWorkers").asInt()).isEqualTo(2);

        Http.Resp byId = ok(world.live.put(
                GROUPS + "/" + created.json().path("id").asString(),
                "{\"remove_emails\": [\"" + LABELER + "\", \"" + OWNER + "\"]}"));
        assertThat(emails(byId.json())).containsExactly("third@lighthouse.example");
        assertThat(byId.json().path("numWorkers").asInt()).isEqualTo(1);
        assertThat(emails(ok(world.live.get(GROUPS)).json().get(0))).containsExactly("third@lighthouse.example");
    }

    @Test
    void badUpdatesAreRefusedWithoutChangingTheGroup() {
        ok(world.live.post(GROUPS, "{\"name\": \"night_shift\", \"emails\": [\"" + LABELER + "\"]}"));
        Http.Resp missing = world.live.put(GROUPS + "/day_shift", "{\"add_emails\": [\"" + OWNER + "\"]}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).contains("day_shift");
        assertBadRequest(world.live.put(GROUPS + "/night_shift", "{}"), "add_emails", "remove_emails");
        assertBadRequest(
                world.live.put(GROUPS + "/night_shift", "{\"add_emails\": [\"stranger@else.example\"]}"),
                "\"add_emails\"",
                "stranger@else.example");
        assertBadRequest(
                world.live.put(
                        GROUPS + "/night_shift",
                        "{\"add_emails\": [\"" + OWNER + "\"], \"remove_emails\": [\"stranger@else.example\"]}"),
                "\"remove_emails\"");
        world.invite("pending@lighthouse.example");
        assertBadRequest(
                world.live.put(GROUPS + "/night_shift", "{\"add_emails\": [\"pending@lighthouse.example\"]}"),
                "invited");
        assertThat(emails(ok(world.live.get(GROUPS)).json().get(0))).containsExactly(LABELER);
    }
}
