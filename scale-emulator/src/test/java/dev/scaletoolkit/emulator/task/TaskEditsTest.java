package dev.scaletoolkit.emulator.task;

import static dev.scaletoolkit.emulator.task.TaskWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reading a task, cancel, tags and metadata, including 404s for tasks the caller cannot see. */
class TaskEditsTest {
    static TaskWorld world;

    @BeforeAll
    static void start() {
        world = TaskWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String newTask() {
        return world.createTask(world.live).path("task_id").asString();
    }

    @Test
    void unknownMalformedForeignAndOtherModeTasksAreAll404() {
        String id = newTask();
        for (Http.Resp r : List.of(
                world.live.get("/v1/task/" + "a".repeat(24)),
                world.live.get("/v1/task/not-an-id"),
                world.test.get("/v1/task/" + id),
                world.otherAccount(false).get("/v1/task/" + id))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).isEqualTo("Task with that ID not found.");
            Fixtures.assertShape(r.json(), "errors/error_404_task.json");
        }
        Http other = world.otherAccount(false);
        assertThat(other.post("/v1/task/" + id + "/cancel", null).status()).isEqualTo(404);
        assertThat(other.put("/v1/task/" + id + "/tags", "[\"x\"]").status()).isEqualTo(404);
        assertThat(other.post("/v1/task/" + id + "/setMetadata", "{}").status()).isEqualTo(404);
        assertThat(other.delete("/v1/task/" + id + "/unique_id", null).status()).isEqualTo(404);
        assertThat(world.live.get("/v1/task/" + id).json().path("status").asString())
                .isEqualTo("pending");
    }

    @Test
    void cancelIsIdempotentAndRefusesFinishedTasks() {
        String id = newTask();
        Http.Resp first = world.live.post("/v1/task/" + id + "/cancel", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("canceled");
        assertThat(first.json().path("updated_at").asString())
                .isGreaterThanOrEqualTo(first.json().path("created_at").asString());
        Http.Resp again = world.live.post("/v1/task/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("canceled");

        String done = newTask();
        world.complete(done, Docs.object().put("category", "open"));
        Http.Resp completed = world.live.post("/v1/task/" + done + "/cancel", null);
        assertThat(completed.status()).isEqualTo(400);
        assertThat(completed.error()).contains("completed");

        String errored = newTask();
        world.fail(errored);
        assertThat(world.live.post("/v1/task/" + errored + "/cancel", null).status())
                .isEqualTo(400);
    }

    @Test
    void testModeTasksAreCompletedSoCancelIs400() {
        String id = world.createTask(world.test).path("task_id").asString();
        Http.Resp r = world.test.post("/v1/task/" + id + "/cancel", null);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void aCanceledTaskIsNoLongerPendingWork() {
        String id = newTask();
        world.live.post("/v1/task/" + id + "/cancel", null);
        assertThat(world.count("SELECT COUNT(*) FROM tasks WHERE id = :id AND status = 'canceled'", "id", id))
                .isEqualTo(1);
        // The workforce must not pick it up any more.
        assertThat(world.count("SELECT COUNT(*) FROM tasks WHERE id = :id AND work_due_at IS NOT NULL", "id", id))
                .isZero();
    }

    @Test
    void putAddsPostReplacesDeleteRemovesTags() {
        String id = newTask();
        Http.Resp added = world.live.put("/v1/task/" + id + "/tags", "[\"tag1\",\"tag2\",\"tag3\"]");
        assertThat(added.status()).isEqualTo(200);
        assertThat(tags(added.json())).containsExactly("tag1", "tag2", "tag3");
        assertThat(tags(world.live
                        .put("/v1/task/" + id + "/tags", "[\"tag2\",\"tag4\"]")
                        .json()))
                .containsExactly("tag1", "tag2", "tag3", "tag4");
        assertThat(tags(world.live
                        .delete("/v1/task/" + id + "/tags", "[\"tag1\",\"tag2\",\"nope\"]")
                        .json()))
                .containsExactly("tag3", "tag4");
        assertThat(tags(world.live
                        .post("/v1/task/" + id + "/tags", json("tags", List.of("x", "y", "x")))
                        .json()))
                .containsExactly("x", "y");
        JsonNode cleared = world.live.post("/v1/task/" + id + "/tags", "[]").json();
        assertThat(cleared.has("tags")).isFalse();
        assertThat(world.live.get("/v1/tasks?tags=x").json().path("total").asInt())
                .isZero();
    }

    @Test
    void tagsAboveFiveOrOfTheWrongKindAre400AndChangeNothing() {
        String id = newTask();
        world.live.put("/v1/task/" + id + "/tags", "[\"a\",\"b\",\"c\",\"d\"]");
        Http.Resp tooMany = world.live.put("/v1/task/" + id + "/tags", "[\"e\",\"f\"]");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error()).contains("\"tags\"").contains("at most 5");
        assertThat(tags(world.live.get("/v1/task/" + id).json())).containsExactly("a", "b", "c", "d");

        assertThat(world.live.put("/v1/task/" + id + "/tags", "[1,2]").error()).contains("\"tags[0]\"");
        assertThat(world.live.put("/v1/task/" + id + "/tags", "\"solo\"").error())
                .contains("\"tags\"");
        assertThat(world.live.put("/v1/task/" + id + "/tags", "{}").error()).contains("\"tags\" is required");
    }

    @Test
    void setMetadataReplacesTheWholeObject() {
        String id = world.createTask(world.live, "metadata", Map.of("old", 1))
                .path("task_id")
                .asString();
        Http.Resp r = world.live.post("/v1/task/" + id + "/setMetadata", "{\"myKey\":\"myValue\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("metadata").toString()).isEqualTo("{\"myKey\":\"myValue\"}");
        assertThat(world.live
                        .get("/v1/task/" + id)
                        .json()
                        .path("metadata")
                        .path("myKey")
                        .asString())
                .isEqualTo("myValue");
        assertThat(world.live
                        .post("/v1/task/" + id + "/setMetadata", "")
                        .json()
                        .path("metadata")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void setMetadataAbove10KbOrNotAnObjectIs400() {
        String id = newTask();
        Http.Resp big = world.live.post("/v1/task/" + id + "/setMetadata", json("blob", "y".repeat(11_000)));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.error()).contains("\"metadata\"");
        assertThat(world.live.post("/v1/task/" + id + "/setMetadata", "[1]").status())
                .isEqualTo(400);
        assertThat(world.live.get("/v1/task/" + id).json().path("metadata").isEmpty())
                .isTrue();
    }

    private static List<String> tags(JsonNode task) {
        List<String> out = new java.util.ArrayList<>();
        task.path("tags").forEach(t -> out.add(t.asString()));
        return out;
    }
}
