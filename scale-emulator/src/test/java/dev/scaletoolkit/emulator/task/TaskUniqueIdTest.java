package dev.scaletoolkit.emulator.task;

import static dev.scaletoolkit.emulator.task.TaskWorld.categorization;
import static dev.scaletoolkit.emulator.task.TaskWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** unique_id: one per account and mode, a 409 naming the holder, and the ways to free or change it. */
class TaskUniqueIdTest {
    static TaskWorld world;

    @BeforeAll
    static void start() {
        world = TaskWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void reusedUniqueIdIs409NamingTheExistingTask() {
        String first = world.createTask(world.live, "unique_id", "s3://bucket/file.png")
                .path("task_id")
                .asString();
        Http.Resp again =
                world.live.post("/v1/task/categorization", categorization("unique_id", "s3://bucket/file.png"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error())
                .isEqualTo("The unique_id (\"s3://bucket/file.png\") is already used for a different task (" + first
                        + ").");
        Fixtures.assertShape(again.json(), "errors/error_409_unique_id.json");
    }

    @Test
    void uniqueIdSpaceIsPerAccountAndMode() {
        world.createTask(world.live, "unique_id", "shared-name");
        assertThat(world.test
                        .post("/v1/task/categorization", categorization("unique_id", "shared-name"))
                        .status())
                .isEqualTo(200);
        assertThat(world.otherAccount(false)
                        .post("/v1/task/categorization", categorization("unique_id", "shared-name"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void concurrentCreatesWithOneUniqueIdGiveOneTaskAndConflictsForTheRest() throws Exception {
        int threads = 16;
        String uniqueId = "race-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Http.Resp>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return world.live.post("/v1/task/categorization", categorization("unique_id", uniqueId));
                }));
            }
            go.countDown();
            List<Http.Resp> responses = new ArrayList<>();
            for (Future<Http.Resp> f : answers) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            List<Http.Resp> created =
                    responses.stream().filter(r -> r.status() == 200).toList();
            List<Http.Resp> conflicts =
                    responses.stream().filter(r -> r.status() == 409).toList();
            assertThat(created).hasSize(1);
            assertThat(conflicts).hasSize(threads - 1);
            String winner = created.get(0).json().path("task_id").asString();
            assertThat(conflicts).allSatisfy(r -> assertThat(r.error()).contains(winner));
            assertThat(world.count("SELECT COUNT(*) FROM tasks WHERE unique_id = :u", "u", uniqueId))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uniqueIdCanBeChangedButNotToOneInUse() {
        String a = world.createTask(world.live, "unique_id", "holder-a")
                .path("task_id")
                .asString();
        String b = world.createTask(world.live).path("task_id").asString();

        Http.Resp set = world.live.post("/v1/task/" + b + "/unique_id", json("unique_id", "holder-b"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("unique_id").asString()).isEqualTo("holder-b");
        assertThat(set.json().path("updated_at").asString())
                .isGreaterThanOrEqualTo(set.json().path("created_at").asString());

        Http.Resp taken = world.live.post("/v1/task/" + b + "/unique_id", json("unique_id", "holder-a"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).contains("(" + a + ")");
        assertThat(world.live.get("/v1/task/" + b).json().path("unique_id").asString())
                .isEqualTo("holder-b");

        assertThat(world.live
                        .post("/v1/task/" + b + "/unique_id", json("unique_id", "holder-b"))
                        .status())
                .isEqualTo(200);
        Http.Resp missing = world.live.post("/v1/task/" + b + "/unique_id", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).contains("\"unique_id\" is required");
        assertThat(world.live
                        .post("/v1/task/" + "0".repeat(24) + "/unique_id", json("unique_id", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deletingTheUniqueIdRemovesTheKeyAndFreesTheValue() {
        String id = world.createTask(world.live, "unique_id", "to-free")
                .path("task_id")
                .asString();
        Http.Resp cleared = world.live.delete("/v1/task/" + id + "/unique_id", null);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().has("unique_id")).isFalse();
        assertThat(world.live.get("/v1/task/" + id).json().has("unique_id")).isFalse();
        assertThat(world.live.delete("/v1/task/" + id + "/unique_id", null).status())
                .isEqualTo(200);
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("unique_id", "to-free"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void cancelWithClearUniqueIdFreesTheValue() {
        String id = world.createTask(world.live, "unique_id", "cancel-free")
                .path("task_id")
                .asString();
        Http.Resp canceled = world.live.post("/v1/task/" + id + "/cancel?clear_unique_id=True", null);
        assertThat(canceled.status()).isEqualTo(200);
        JsonNode task = canceled.json();
        assertThat(task.path("status").asString()).isEqualTo("canceled");
        assertThat(task.has("unique_id")).isFalse();
        assertThat(world.live
                        .post("/v1/task/categorization", categorization("unique_id", "cancel-free"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listingFindsTasksByOneOrSeveralUniqueIds() {
        String a = world.createTask(world.live, "unique_id", "find-a")
                .path("task_id")
                .asString();
        String b = world.createTask(world.live, "unique_id", "find-b")
                .path("task_id")
                .asString();
        JsonNode one = world.live.get("/v1/tasks?unique_id=find-a").json();
        assertThat(one.path("docs").size()).isEqualTo(1);
        assertThat(one.path("docs").get(0).path("task_id").asString()).isEqualTo(a);
        JsonNode both =
                world.live.get("/v1/tasks?unique_id=find-a&unique_id=find-b").json();
        assertThat(both.path("total").asInt()).isEqualTo(2);
        assertThat(both.path("docs").get(0).path("task_id").asString()).isEqualTo(b);
    }
}
