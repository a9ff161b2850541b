package dev.scaletoolkit.emulator.studio;

import static dev.scaletoolkit.emulator.studio.StudioWorld.LABELER;
import static dev.scaletoolkit.emulator.studio.StudioWorld.assertBadRequest;
import static dev.scaletoolkit.emulator.studio.StudioWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.batch.TaskRows;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each test gets an account with Studio project "lighthouse_studio" holding, oldest first: prod_a, calib_b
 * (calibration), prod_c, and done_d (completed), plus a standard project "plain" with batch plain_e.
 */
class StudioBatchesTest {
    static TestEmulator scale;
    StudioWorld world;
    String projectId;

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
        projectId = world.studioProject(world.live, "lighthouse_studio")
                .json()
                .path("id")
                .asString();
        world.plainProject(world.live, "plain");
        String[][] batches = {
            {"lighthouse_studio", "prod_a", "false"},
            {"lighthouse_studio", "calib_b", "true"},
            {"lighthouse_studio", "prod_c", "false"},
            {"lighthouse_studio", "done_d", "false"},
            {"plain", "plain_e", "false"}
        };
        for (int i = 0; i < batches.length; i++) {
            world.batch(world.live, batches[i][0], batches[i][1], Boolean.parseBoolean(batches[i][2]));
            setCreatedAt(batches[i][1], "2024-02-0" + (i + 1) + "T08:00:00.000Z");
        }
        TaskRows.insert(scale, world.liveCaller, "lighthouse_studio", "done_d", "completed");
        ok(world.live.post("/v1/batches/done_d/finalize", ""));
        TaskRows.insert(scale, world.liveCaller, "lighthouse_studio", "calib_b", "completed");
        TaskRows.insert(scale, world.liveCaller, "lighthouse_studio", "calib_b", "pending");
        TaskRows.insert(scale, world.liveCaller, "lighthouse_studio", "calib_b", "pending");
    }

    void setCreatedAt(String batch, String when) {
        scale.emulator().context().db().write(h -> {
            var doc = BatchStore.require(h, world.liveCaller, batch);
            doc.put("created_at", when);
            return h.createUpdate("UPDATE batches SET created_at = :w, doc = :doc WHERE account_id = :a AND name = :n")
                    .bind("w", when)
                    .bind("doc", Docs.write(doc))
                    .bind("a", world.account.accountId())
                    .bind("n", batch)
                    .execute();
        });
    }

    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(b -> out.add(b.path("name").asString()));
        return out;
    }

    static List<Integer> priorities(JsonNode list) {
        List<Integer> out = new ArrayList<>();
        list.forEach(b -> out.add(b.path("studioPriority").asInt()));
        return out;
    }

    @Test
    void pendingStudioBatchesComeCalibrationFirstThenOldestFirst() {
        Http.Resp r = ok(world.live.get("/v1/studio/batches"));
        Fixtures.assertShape(r.json(), "studio/studio_batches.json");
        assertThat(names(r.json())).containsExactly("calib_b", "prod_a", "prod_c");
        assertThat(priorities(r.json())).containsExactly(1, 2, 3);
        JsonNode calib = r.json().get(0);
        assertThat(calib.path("batchType").asString()).isEqualTo("Calibration");
        assertThat(calib.path("projectName").asString()).isEqualTo("lighthouse_studio");
        assertThat(calib.path("projectId").asString()).isEqualTo(projectId);
        assertThat(calib.path("total").asInt()).isEqualTo(3);
        assertThat(calib.path("completed").asInt()).isEqualTo(1);
        assertThat(calib.path("groups")).isEmpty();
        assertThat(r.json().get(1).path("batchType").asString()).isEqualTo("Production");
        assertThat(r.json().get(1).path("id").asString())
                .isEqualTo(ok(world.live.get("/v1/batches/prod_a"))
                        .json()
                        .path("id")
                        .asString());
    }

    @Test
    void setPrioritiesReordersAndResetRestoresTheDefault() {
        Http.Resp set = ok(world.live.post(
                "/v1/studio/batches/set_priorities",
                "{\"batches\": [{\"name\": \"prod_c\"}, {\"name\": \"prod_a\"}, {\"name\": \"calib_b\"}]}"));
        Fixtures.assertShape(set.json(), "studio/studio_batches.json");
        assertThat(names(set.json())).containsExactly("prod_c", "prod_a", "calib_b");
        assertThat(priorities(set.json())).containsExactly(1, 2, 3);
        assertThat(names(ok(world.live.get("/v1/studio/batches")).json()))
                .containsExactly("prod_c", "prod_a", "calib_b");

        world.batch(world.live, "lighthouse_studio", "late_f", true);
        assertThat(names(ok(world.live.get("/v1/studio/batches")).json()))
                .containsExactly("prod_c", "prod_a", "calib_b", "late_f");

        Http.Resp reset = ok(world.live.post("/v1/studio/batches/reset_priorities", null));
        Fixtures.assertShape(reset.json(), "studio/studio_batches.json");
        assertThat(names(reset.json())).containsExactly("calib_b", "late_f", "prod_a", "prod_c");
    }

    @Test
    void setPrioritiesMustNameEveryPendingStudioBatchExactlyOnce() {
        String route = "/v1/studio/batches/set_priorities";
        assertBadRequest(
                world.live.post(route, "{\"batches\": [{\"name\": \"prod_c\"}, {\"name\": \"prod_a\"}]}"),
                "\"batches\"",
                "calib_b");
        assertBadRequest(
                world.live.post(
                        route,
                        "{\"batches\": [{\"name\": \"prod_c\"}, {\"name\": \"prod_a\"}, {\"name\": \"calib_b\"},"
                                + " {\"name\": \"plain_e\"}]}"),
                "plain_e");
        assertBadRequest(
                world.live.post(
                        route,
                        "{\"batches\": [{\"name\": \"prod_c\"}, {\"name\": \"prod_a\"}, {\"name\": \"calib_b\"},"
                                + " {\"name\": \"done_d\"}]}"),
                "done_d");
        assertBadRequest(
                world.live.post(
                        route,
                        "{\"batches\": [{\"name\": \"prod_c\"}, {\"name\": \"prod_c\"}, {\"name\": \"prod_a\"},"
                                + " {\"name\": \"calib_b\"}]}"),
                "prod_c");
        assertBadRequest(world.live.post(route, "{}"), "\"batches\"");
        assertBadRequest(world.live.post(route, "{\"batches\": [{\"title\": \"x\"}]}"), "batches[0].name");
        assertThat(names(ok(world.live.get("/v1/studio/batches")).json()))
                .containsExactly("calib_b", "prod_a", "prod_c");
    }

    @Test
    void putSetsTheGroupsOfAStudioBatch() {
        Http.Resp group = ok(world.live.post(
                "/v1/studio/projects/lighthouse_studio/groups",
                "{\"name\": \"night_shift\", \"emails\": [\"" + LABELER + "\"]}"));
        ok(world.live.post(
                "/v1/studio/projects/lighthouse_studio/groups", "{\"name\": \"day_shift\", \"emails\": []}"));

        Http.Resp r = ok(world.live.put("/v1/studio/batches/prod_a", "{\"groups\": [\"night_shift\"]}"));
        Fixtures.assertShape(r.json(), "studio/studio_batch.json");
        assertThat(r.json().path("name").asString()).isEqualTo("prod_a");
        assertThat(r.json().path("studioPriority").asInt()).isEqualTo(2);
        assertThat(r.json().path("groups").get(0).asString()).isEqualTo("night_shift");

        Http.Resp byId = ok(world.live.put(
                "/v1/studio/batches/prod_a",
                "{\"groups\": [\"day_shift\", \"" + group.json().path("id").asString() + "\"]}"));
        assertThat(byId.json().path("groups")).hasSize(2);
        JsonNode listed = ok(world.live.get("/v1/studio/batches")).json().get(1);
        assertThat(listed.path("groups").get(0).asString()).isEqualTo("day_shift");
        assertThat(listed.path("groups").get(1).asString()).isEqualTo("night_shift");

        assertThat(ok(world.live.put("/v1/studio/batches/prod_a", "{\"groups\": []}"))
                        .json()
                        .path("groups"))
                .isEmpty();
    }

    @Test
    void putRefusesUnknownGroupsAndNonStudioOrFinishedBatches() {
        assertBadRequest(world.live.put("/v1/studio/batches/prod_a", "{\"groups\": [\"ghosts\"]}"), "ghosts");
        assertBadRequest(world.live.put("/v1/studio/batches/prod_a", "{}"), "\"groups\"");
        assertBadRequest(world.live.put("/v1/studio/batches/prod_a", "{\"groups\": \"night\"}"), "\"groups\"");
        assertBadRequest(world.live.put("/v1/studio/batches/plain_e", "{\"groups\": []}"), "plain_e", "Studio");
        assertBadRequest(world.live.put("/v1/studio/batches/done_d", "{\"groups\": []}"), "done_d", "completed");
        Http.Resp missing = world.live.put("/v1/studio/batches/nothing_here", "{\"groups\": []}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).contains("nothing_here");
    }

    @Test
    void studioBatchesFollowTheModeOfTheirProjectsAndTheirAccount() {
        assertThat(ok(world.test.get("/v1/studio/batches")).json()).isEmpty();
        world.studioProject(world.test, "lighthouse_studio");
        world.batch(world.test, "lighthouse_studio", "test_only", false);
        assertThat(names(ok(world.test.get("/v1/studio/batches")).json())).containsExactly("test_only");
        assertThat(names(ok(world.live.get("/v1/studio/batches")).json())).doesNotContain("test_only");
        ok(world.test.post("/v1/studio/batches/set_priorities", "{\"batches\": [{\"name\": \"test_only\"}]}"));

        Http other = new Http(scale.baseUrl(), scale.account().liveKey());
        assertThat(ok(other.get("/v1/studio/batches")).json()).isEmpty();
        assertThat(other.put("/v1/studio/batches/prod_a", "{\"groups\": []}").status())
                .isEqualTo(404);
    }
}
