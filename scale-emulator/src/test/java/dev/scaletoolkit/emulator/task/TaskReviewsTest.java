package dev.scaletoolkit.emulator.task;

import static dev.scaletoolkit.emulator.task.TaskWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Audits, re-sent callbacks and secure response URLs. */
class TaskReviewsTest {
    static final String HOOK = "http://127.0.0.1:9/scale-callback";
    static TaskWorld world;

    @BeforeAll
    static void start() {
        world = TaskWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String completedTask(Object... extra) {
        String id = world.createTask(world.live, extra).path("task_id").asString();
        world.complete(id, Docs.object().put("category", "open"));
        return id;
    }

    @Test
    void auditAnswersPlainOkAndRecordsTheReview() {
        String id = completedTask("callback_url", HOOK);
        int before = world.callbacks(id).size();
        Http.Resp r = world.live.post("/v1/task/" + id + "/audit", json("accepted", false, "comments", "Wrong box."));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("OK");
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        JsonNode task = world.live.get("/v1/task/" + id).json();
        assertThat(task.path("customer_review_status").asString()).isEqualTo("rejected");
        JsonNode entry = task.path("audits").get(0);
        assertThat(entry.path("audited_by").asString())
                .isEqualTo(world.scale.account().email());
        assertThat(entry.path("audit_result").asString()).isEqualTo("rejected");
        assertThat(entry.path("audit_source").asString()).isEqualTo("customer");
        assertThat(entry.path("comments").asString()).isEqualTo("Wrong box.");
        assertThat(entry.path("audit_time_secs").isNumber()).isTrue();
        assertThat(entry.path("audited_at").asString()).endsWith("Z");
        assertThat(task.path("updated_at").asString())
                .isEqualTo(entry.path("audited_at").asString());

        assertThat(world.count("SELECT COUNT(*) FROM audits WHERE task_id = :t", "t", id))
                .isEqualTo(1);
        List<JsonNode> callbacks = world.callbacks(id);
        assertThat(callbacks).hasSize(before + 1);
        JsonNode body = callbacks.get(callbacks.size() - 1);
        assertThat(body.path("task_id").asString()).isEqualTo(id);
        assertThat(body.path("status").asString()).isEqualTo("completed");
        assertThat(body.path("response").path("category").asString()).isEqualTo("open");
        assertThat(body.path("task").path("audits").size()).isEqualTo(1);

        world.live.post("/v1/task/" + id + "/audit", json("accepted", true));
        JsonNode twice = world.live.get("/v1/task/" + id).json();
        assertThat(twice.path("audits").size()).isEqualTo(2);
        assertThat(twice.path("customer_review_status").asString()).isEqualTo("accepted");
        Fixtures.assertShape(twice, "tasks/task_completed.json");
    }

    @Test
    void auditOfATestTaskWorksInTheTestWorld() {
        String id = world.createTask(world.test, "callback_url", HOOK)
                .path("task_id")
                .asString();
        assertThat(world.test
                        .post("/v1/task/" + id + "/audit", json("accepted", true))
                        .text())
                .isEqualTo("OK");
        JsonNode task = world.test.get("/v1/task/" + id).json();
        assertThat(task.path("status").asString()).isEqualTo("completed");
        assertThat(task.path("is_test").asBoolean()).isTrue();
        assertThat(task.path("audits").size()).isEqualTo(1);
        assertThat(task.path("customer_review_status").asString()).isEqualTo("accepted");
        // Two callbacks: the completion and the audit.
        assertThat(world.callbacks(id)).hasSize(2);
    }

    @Test
    void auditNeedsACompletedTaskAndABooleanVerdict() {
        String pending = world.createTask(world.live).path("task_id").asString();
        Http.Resp r = world.live.post("/v1/task/" + pending + "/audit", json("accepted", true));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("pending");
        assertThat(world.count("SELECT COUNT(*) FROM audits WHERE task_id = :t", "t", pending))
                .isZero();

        String done = completedTask();
        assertThat(world.live.post("/v1/task/" + done + "/audit", "{}").error()).contains("\"accepted\" is required");
        assertThat(world.live
                        .post("/v1/task/" + done + "/audit", json("accepted", "sure"))
                        .error())
                .contains("\"accepted\"");
        assertThat(world.live
                        .post("/v1/task/" + done + "/audit", json("accepted", true, "comments", 4))
                        .error())
                .contains("\"comments\"");
        assertThat(world.live
                        .post("/v1/task/" + "b".repeat(24) + "/audit", json("accepted", true))
                        .status())
                .isEqualTo(404);
        // Without a callback URL an audit queues nothing.
        world.live.post("/v1/task/" + done + "/audit", json("accepted", true));
        assertThat(world.callbacks(done)).isEmpty();
    }

    @Test
    void sendCallbackQueuesTheCompletionBodyAgainUnderBothSpellings() {
        String id = completedTask("callback_url", HOOK);
        List<JsonNode> original = world.callbacks(id);
        assertThat(original).hasSize(1);

        Http.Resp dash = world.live.post("/v1/task/" + id + "/send-callback", null);
        assertThat(dash.status()).isEqualTo(200);
        Fixtures.assertShape(dash.json(), "tasks/task_callback_resent.json");
        assertThat(dash.json().path("callback_url").asString()).isEqualTo(HOOK);
        Http.Resp underscore = world.live.post("/v1/task/" + id + "/send_callback", "");
        assertThat(underscore.status()).isEqualTo(200);

        List<JsonNode> all = world.callbacks(id);
        assertThat(all).hasSize(3);
        assertThat(all.get(1)).isEqualTo(original.get(0));
        assertThat(all.get(2)).isEqualTo(original.get(0));
    }

    @Test
    void sendCallbackOfAnErroredTaskCarriesItsErrorStatus() {
        String id = world.createTask(world.live, "callback_url", HOOK)
                .path("task_id")
                .asString();
        world.fail(id);
        assertThat(world.live.post("/v1/task/" + id + "/send-callback", null).status())
                .isEqualTo(200);
        List<JsonNode> all = world.callbacks(id);
        assertThat(all.get(all.size() - 1).path("status").asString()).isEqualTo("error");
    }

    @Test
    void sendCallbackRefusesPendingCanceledAndUrlLessTasks() {
        String pending = world.createTask(world.live, "callback_url", HOOK)
                .path("task_id")
                .asString();
        Http.Resp p = world.live.post("/v1/task/" + pending + "/send-callback", null);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.error()).contains("pending");

        world.live.post("/v1/task/" + pending + "/cancel", null);
        assertThat(world.live
                        .post("/v1/task/" + pending + "/send_callback", null)
                        .status())
                .isEqualTo(400);

        String noUrl = completedTask();
        Http.Resp n = world.live.post("/v1/task/" + noUrl + "/send-callback", null);
        assertThat(n.status()).isEqualTo(400);
        assertThat(n.error()).contains("callback_url");
        assertThat(world.callbacks(pending)).isEmpty();
        assertThat(world.otherAccount(false)
                        .post("/v1/task/" + pending + "/send-callback", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void responseUrlServesTheStoredBlobOnlyToItsOwner() {
        String id = completedTask();
        String blob = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
        world.insertBlob(blob, id, false, "application/json", "{\"annotations\":[]}");
        Http.Resp r = world.live.get("/v1/task/" + id + "/response_url/" + blob);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"annotations\":[]}");
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        assertThat(world.test.get("/v1/task/" + id + "/response_url/" + blob).status())
                .isEqualTo(404);
        assertThat(world.otherAccount(false)
                        .get("/v1/task/" + id + "/response_url/" + blob)
                        .status())
                .isEqualTo(404);
        String otherTask = completedTask();
        assertThat(world.live
                        .get("/v1/task/" + otherTask + "/response_url/" + blob)
                        .status())
                .isEqualTo(404);
        Http.Resp unknown = world.live.get("/v1/task/" + id + "/response_url/no-such-blob");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("status_code").asInt()).isEqualTo(404);
        assertThat(new Http(world.scale.baseUrl(), null)
                        .get("/v1/task/" + id + "/response_url/" + blob)
                        .status())
                .isEqualTo(401);
    }
}
