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

class StudioAssignmentsTest {
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
        world.studioProject(world.live, "lighthouse_studio");
        world.studioProject(world.live, "harbour_studio");
    }

    static List<String> projects(JsonNode map, String email) {
        List<String> out = new ArrayList<>();
        map.path(email).forEach(p -> out.add(p.asString()));
        return out;
    }

    @Test
    void theMapListsEveryActiveMemberAndNoInvitee() {
        world.invite("pending@lighthouse.example");
        Http.Resp r = ok(world.live.get("/v1/studio/assignments"));
        assertThat(r.json().propertyNames()).containsExactly(OWNER, LABELER);
        assertThat(projects(r.json(), LABELER)).isEmpty();
    }

    @Test
    void addAssignsProjectsOnceAndReturnsTheWholeMap() {
        String body = "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"lighthouse_studio\"]}";
        Http.Resp r = ok(world.live.post("/v1/studio/assignments/add", body));
        Fixtures.assertShape(r.json(), "studio/assignments.json");
        assertThat(projects(r.json(), OWNER)).containsExactly("lighthouse_studio");
        assertThat(projects(r.json(), LABELER)).isEmpty();

        Http.Resp again = ok(world.live.post("/v1/studio/assignments/add", body));
        assertThat(projects(again.json(), OWNER)).containsExactly("lighthouse_studio");
        ok(world.live.post(
                "/v1/studio/assignments/add",
                "{\"emails\": [\"" + OWNER + "\", \"" + LABELER + "\"], \"projects\": [\"harbour_studio\"]}"));
        JsonNode map = ok(world.live.get("/v1/studio/assignments")).json();
        assertThat(projects(map, OWNER)).containsExactly("harbour_studio", "lighthouse_studio");
        assertThat(projects(map, LABELER)).containsExactly("harbour_studio");
    }

    @Test
    void removeTakesNamedProjectsOrAllOfThem() {
        ok(world.live.post(
                "/v1/studio/assignments/add",
                "{\"emails\": [\"" + OWNER + "\", \"" + LABELER
                        + "\"], \"projects\": [\"lighthouse_studio\", \"harbour_studio\"]}"));
        Http.Resp some = ok(world.live.post(
                "/v1/studio/assignments/remove",
                "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"harbour_studio\"]}"));
        assertThat(projects(some.json(), OWNER)).containsExactly("lighthouse_studio");
        assertThat(projects(some.json(), LABELER)).containsExactly("harbour_studio", "lighthouse_studio");

        Http.Resp all = ok(world.live.post("/v1/studio/assignments/remove", "{\"emails\": [\"" + LABELER + "\"]}"));
        assertThat(projects(all.json(), LABELER)).isEmpty();
        assertThat(projects(all.json(), OWNER)).containsExactly("lighthouse_studio");
    }

    @Test
    void unknownProjectsAndMembersAre400NamingThem() {
        String route = "/v1/studio/assignments/add";
        assertBadRequest(
                world.live.post(route, "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"nowhere\"]}"),
                "\"projects\"",
                "nowhere");
        world.plainProject(world.live, "plain");
        assertBadRequest(
                world.live.post(route, "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"plain\"]}"),
                "plain",
                "Studio");
        assertBadRequest(
                world.live.post(
                        route, "{\"emails\": [\"stranger@else.example\"], \"projects\": [\"lighthouse_studio\"]}"),
                "\"emails\"",
                "stranger@else.example");
        world.invite("pending@lighthouse.example");
        assertBadRequest(
                world.live.post(
                        route, "{\"emails\": [\"pending@lighthouse.example\"], \"projects\": [\"lighthouse_studio\"]}"),
                "pending@lighthouse.example",
                "invited");
        assertBadRequest(world.live.post(route, "{\"emails\": [\"" + OWNER + "\"]}"), "\"projects\"");
        assertBadRequest(world.live.post(route, "{\"projects\": [\"lighthouse_studio\"]}"), "\"emails\"");
        assertBadRequest(
                world.live.post(
                        "/v1/studio/assignments/remove",
                        "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"nowhere\"]}"),
                "nowhere");
        assertThat(projects(ok(world.live.get("/v1/studio/assignments")).json(), OWNER))
                .isEmpty();
    }

    @Test
    void assignmentsFollowTheModeOfTheirProjects() {
        ok(world.live.post(
                "/v1/studio/assignments/add",
                "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"lighthouse_studio\"]}"));
        JsonNode testMap = ok(world.test.get("/v1/studio/assignments")).json();
        assertThat(projects(testMap, OWNER)).isEmpty();
        assertBadRequest(
                world.test.post(
                        "/v1/studio/assignments/add",
                        "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"harbour_studio\"]}"),
                "harbour_studio");

        world.studioProject(world.test, "lighthouse_studio");
        ok(world.test.post(
                "/v1/studio/assignments/add",
                "{\"emails\": [\"" + LABELER + "\"], \"projects\": [\"lighthouse_studio\"]}"));
        assertThat(projects(ok(world.live.get("/v1/studio/assignments")).json(), LABELER))
                .isEmpty();
        assertThat(projects(ok(world.test.get("/v1/studio/assignments")).json(), LABELER))
                .containsExactly("lighthouse_studio");
    }

    @Test
    void otherAccountsSeeNoneOfIt() {
        ok(world.live.post(
                "/v1/studio/assignments/add",
                "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"lighthouse_studio\"]}"));
        Http stranger = new Http(scale.baseUrl(), scale.account().liveKey());
        JsonNode theirs = ok(stranger.get("/v1/studio/assignments")).json();
        assertThat(theirs.propertyNames()).containsExactly(scale.account().email());
        assertBadRequest(
                stranger.post(
                        "/v1/studio/assignments/add",
                        "{\"emails\": [\"" + OWNER + "\"], \"projects\": [\"lighthouse_studio\"]}"),
                OWNER);
    }
}
