package dev.scaletoolkit.emulator.task;

import static dev.scaletoolkit.emulator.task.TaskWorld.categorization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tasks in projects and batches: existence per account and mode, batch states and inherited project params. */
class TaskPlacementTest {
    static TaskWorld world;

    @BeforeAll
    static void start() {
        world = TaskWorld.start();
        ObjectNode v0 = Docs.object().put("instruction", "Old project rules.").put("allow_multiple", true);
        ObjectNode v1 = Docs.object()
                .put("instruction", "Project rules.")
                .put("allow_multiple", false)
                .put("attachment_type", "website")
                .put("priority", 30);
        world.insertProject(false, "shops", "categorization", Docs.object(), v0, v1);
        world.insertProject(true, "shops_test", "categorization", Docs.object(), Docs.object());
        world.insertProject(false, "boxes", "imageannotation", Docs.object(), Docs.object());
        world.insertProject(
                false, "rapid_shops", "categorization", Docs.object().put("rapid", true), Docs.object());
        world.insertBatch(false, "shops_open", "shops", "in_progress");
        world.insertBatch(false, "shops_done", "shops", "completed");
        world.insertBatch(false, "rapid_staging", "rapid_shops", "staging");
        world.insertBatch(false, "rapid_finalized", "rapid_shops", "in_progress");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void latestProjectParamsApplyUnderTheTasksOwnAndInstructionIsAppended() {
        JsonNode task = world.createTask(world.live, "project", "shops", "attachment_type", "image");
        assertThat(task.path("project_param_version").asInt()).isEqualTo(1);
        assertThat(task.path("instruction").asString()).isEqualTo("Is the storefront open?\n\nProject rules.");
        assertThat(task.path("params").path("attachment_type").asString()).isEqualTo("image");
        assertThat(task.path("params").path("allow_multiple").asBoolean(true)).isFalse();
        assertThat(task.path("priority").asInt()).isEqualTo(30);
    }

    @Test
    void projectVersionPinsAnOlderEntryAndMinusOneInheritsNothing() {
        JsonNode pinned = world.createTask(world.live, "project", "shops", "project_version", 0);
        assertThat(pinned.path("project_param_version").asInt()).isZero();
        assertThat(pinned.path("params").path("allow_multiple").asBoolean()).isTrue();
        assertThat(pinned.path("instruction").asString()).endsWith("Old project rules.");

        JsonNode none = world.createTask(world.live, "project", "shops", "project_version", -1);
        assertThat(none.has("project_param_version")).isFalse();
        assertThat(none.has("priority")).isFalse();
        // The type's own default, not a project value.
        assertThat(none.path("params").path("allow_multiple").asBoolean(true)).isFalse();
        assertThat(none.path("instruction").asString()).isEqualTo("Is the storefront open?");

        Http.Resp missing =
                world.live.post("/v1/task/categorization", categorization("project", "shops", "project_version", 7));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).contains("\"project_version\"");
    }

    @Test
    void projectInstructionSatisfiesARequiredInstruction() {
        ObjectNode body = Docs.read(categorization("project", "shops"));
        body.remove("instruction");
        Http.Resp r = world.live.post("/v1/task/categorization", Docs.write(body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("instruction").asString()).isEqualTo("Project rules.");
    }

    @Test
    void unknownProjectIs400NamingItAndModesDoNotShareProjects() {
        Http.Resp r = world.live.post("/v1/task/categorization", categorization("project", "nowhere"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("\"project\"").contains("nowhere");

        assertThat(world.live
                        .post("/v1/task/categorization", categorization("project", "shops_test"))
                        .status())
                .isEqualTo(400);
        assertThat(world.test
                        .post("/v1/task/categorization", categorization("project", "shops"))
                        .status())
                .isEqualTo(400);
        assertThat(world.test
                        .post("/v1/task/categorization", categorization("project", "shops_test"))
                        .status())
                .isEqualTo(200);
        assertThat(world.otherAccount(false)
                        .post("/v1/task/categorization", categorization("project", "shops"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void projectOfAnotherTypeIs400() {
        Http.Resp r = world.live.post("/v1/task/categorization", categorization("project", "boxes"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("imageannotation");
    }

    @Test
    void taskInABatchTakesTheBatchsProject() {
        JsonNode task = world.createTask(world.live, "batch", "shops_open");
        assertThat(task.path("batch").asString()).isEqualTo("shops_open");
        assertThat(task.path("project").asString()).isEqualTo("shops");
        assertThat(task.path("project_param_version").asInt()).isEqualTo(1);

        Http.Resp mismatch = world.live.post(
                "/v1/task/categorization", categorization("batch", "shops_open", "project", "rapid_shops"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.error()).contains("\"batch\"");
    }

    @Test
    void unknownOrFinalizedBatchesAre400() {
        Http.Resp unknown = world.live.post("/v1/task/categorization", categorization("batch", "no_batch"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).contains("\"batch\"").contains("no_batch");

        Http.Resp finalized = world.live.post("/v1/task/categorization", categorization("batch", "rapid_finalized"));
        assertThat(finalized.status()).isEqualTo(400);
        assertThat(finalized.error()).contains("finalized");

        assertThat(world.live
                        .post("/v1/task/categorization", categorization("batch", "rapid_staging"))
                        .status())
                .isEqualTo(200);
        Http.Resp noBatch = world.live.post("/v1/task/categorization", categorization("project", "rapid_shops"));
        assertThat(noBatch.status()).isEqualTo(400);
        assertThat(noBatch.error()).contains("\"batch\" is required");
    }

    @Test
    void aCompletedStandardBatchTakesANewTaskAndIsInProgressAgain() {
        Http.Resp added = world.live.post("/v1/task/categorization", categorization("batch", "shops_done"));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(world.batchStatus("shops_done")).isEqualTo("in_progress");
        assertThat(world.live.get("/v1/batches/shops_done").json().has("completed_at"))
                .isFalse();

        world.complete(added.json().path("task_id").asString(), Docs.object().put("category", "open"));
        assertThat(world.batchStatus("shops_done")).isEqualTo("completed");
    }

    @Test
    void completingTheLastPendingTaskCompletesItsBatch() {
        world.insertBatch(false, "shops_small", "shops", "in_progress");
        String a = world.createTask(world.live, "batch", "shops_small")
                .path("task_id")
                .asString();
        String b = world.createTask(world.live, "batch", "shops_small")
                .path("task_id")
                .asString();
        world.complete(a, Docs.object().put("category", "open"));
        assertThat(world.batchStatus("shops_small")).isEqualTo("in_progress");
        assertThat(world.live.post("/v1/task/" + b + "/cancel", null).status()).isEqualTo(200);
        assertThat(world.batchStatus("shops_small")).isEqualTo("completed");
    }
}
