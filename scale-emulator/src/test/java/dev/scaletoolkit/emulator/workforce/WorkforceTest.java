package dev.scaletoolkit.emulator.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The simulated labelers complete live tasks on their own, leave a quality trail, and can be paused. */
class WorkforceTest {
    private static final String BOX_PARAMS =
            "{\"attachment\": \"https://example.com/cat.jpg\", \"geometries\": {\"box\": {\"objects_to_annotate\":"
                    + " [\"cat\", \"dog\"]}}}";

    @Test
    void completesADueLiveTaskWithAValidResponse() {
        try (TestEmulator scale = TestEmulator.start()) {
            EmulatorContext context = scale.emulator().context();
            String id = SimTasks.insertDue(
                    context,
                    scale.account().accountId(),
                    SimTasks.doc("650000000000000000000001", "imageannotation", BOX_PARAMS, false));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> SimTasks.status(context, id).equals("completed"));

            ObjectNode task = SimTasks.load(context, id);
            assertThat(task.get("completed_at").asString()).isNotEmpty();
            JsonNode annotations = task.get("response").get("annotations");
            assertThat(annotations.size()).isEqualTo(1);
            assertThat(annotations.get(0).get("label").asString()).isIn("cat", "dog");
        }
    }

    @Test
    void leavesTestModeTasksAndTasksNotQueuedAlone() {
        try (TestEmulator scale = TestEmulator.start()) {
            EmulatorContext context = scale.emulator().context();
            String account = scale.account().accountId();
            String earlier = context.now();
            String testTask = SimTasks.insert(
                    context, account, SimTasks.doc("650000000000000000000010", "categorization", "{}", true), earlier);
            String unqueued = SimTasks.insert(
                    context, account, SimTasks.doc("650000000000000000000011", "categorization", "{}", false), null);
            String live = SimTasks.insertDue(
                    context, account, SimTasks.doc("650000000000000000000012", "categorization", "{}", false));

            // The live task is due after the test one, so once it is done the test one has been passed over.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> SimTasks.status(context, live).equals("completed"));
            assertThat(SimTasks.status(context, testTask)).isEqualTo("pending");
            assertThat(SimTasks.status(context, unqueued)).isEqualTo("pending");
        }
    }

    @Test
    void pausedWorkforceLeavesTasksForAHumanUntilResumed() throws InterruptedException {
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            EmulatorContext context = scale.emulator().context();
            Http admin = new Http(scale.baseUrl(), null);
            String account = scale.account().accountId();
            String first = SimTasks.insertDue(
                    context, account, SimTasks.doc("650000000000000000000020", "imageannotation", BOX_PARAMS, false));
            String second = SimTasks.insertDue(
                    context, account, SimTasks.doc("650000000000000000000021", "imageannotation", BOX_PARAMS, false));

            assertThat(admin.get("/_emulator/workforce").json().get("enabled").asBoolean())
                    .isFalse();
            // A poll while paused, run now rather than waited for, completes nothing.
            assertThat(scale.emulator().services().workforce().pollNow()).isZero();
            assertThat(SimTasks.status(context, first)).isEqualTo("pending");

            Http.Resp done = admin.post("/_emulator/tasks/" + first + "/complete", "");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.json().get("status").asString()).isEqualTo("completed");
            assertThat(done.json()
                            .get("response")
                            .get("annotations")
                            .get(0)
                            .get("label")
                            .asString())
                    .isIn("cat", "dog");
            assertThat(SimTasks.status(context, second)).isEqualTo("pending");

            Http.Resp resumed = admin.post("/_emulator/workforce", "{\"enabled\": true}");
            assertThat(resumed.json().get("enabled").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> SimTasks.status(context, second).equals("completed"));
        }
    }

    @Test
    void aWorkforceStartedPausedFinishesApiTasksOnceResumed() {
        // scale up --no-workforce, then POST /_emulator/workforce {"enabled": true}: tasks created before and
        // after resuming are both completed.
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            Http admin = new Http(scale.baseUrl(), null);
            Http api = new Http(scale.baseUrl(), scale.account().liveKey());
            String body = "{\"attachment_type\": \"text\", \"attachment\": \"a\", \"categories\": [\"x\", \"y\"],"
                    + " \"instruction\": \"Pick one.\"}";
            String before = api.post("/v1/task/categorization", body)
                    .json()
                    .get("task_id")
                    .asString();
            assertThat(admin.post("/_emulator/workforce", "{\"enabled\": true, \"delay_ms\": 0}")
                            .status())
                    .isEqualTo(200);
            String after = api.post("/v1/task/categorization", body)
                    .json()
                    .get("task_id")
                    .asString();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/v1/task/" + before)
                                    .json()
                                    .get("status")
                                    .asString()
                                    .equals("completed")
                            && api.get("/v1/task/" + after)
                                    .json()
                                    .get("status")
                                    .asString()
                                    .equals("completed"));
        }
    }

    @Test
    void delayChangedAtRunTimeAppliesToQueuedTasks() throws InterruptedException {
        try (TestEmulator scale = TestEmulator.start()) {
            EmulatorContext context = scale.emulator().context();
            Http admin = new Http(scale.baseUrl(), null);
            assertThat(admin.post("/_emulator/workforce", "{\"delay_ms\": 3600000}")
                            .json()
                            .get("delay_ms")
                            .asLong())
                    .isEqualTo(3_600_000L);
            String id = SimTasks.insertDue(
                    context,
                    scale.account().accountId(),
                    SimTasks.doc("650000000000000000000030", "comparison", "{\"choices\": [\"a\", \"b\"]}", false));
            // Due only an hour from now: a poll now completes nothing, and an hour later it completes the task.
            assertThat(scale.emulator().services().workforce().pollNow()).isZero();
            assertThat(SimTasks.status(context, id)).isEqualTo("pending");

            admin.post("/_emulator/workforce", "{\"delay_ms\": 0}");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> SimTasks.status(context, id).equals("completed"));
            assertThat(SimTasks.load(context, id).get("response").get("choice").asString())
                    .isIn("a", "b");
        }
    }

    @Test
    void calibrationTasksAndMultiLabelerTasksRecordTrainingAttempts() {
        try (TestEmulator scale = TestEmulator.start()) {
            EmulatorContext context = scale.emulator().context();
            String account = scale.account().accountId();
            insertBatch(context, account, "calibration-1", true);
            ObjectNode calibrationDoc = SimTasks.doc("650000000000000000000040", "categorization", "{}", false);
            calibrationDoc.put("batch", "calibration-1");
            calibrationDoc.put("project", "kittens");
            String calibration = SimTasks.insertDue(context, account, calibrationDoc);
            String consensus = SimTasks.insertDue(
                    context,
                    account,
                    SimTasks.doc(
                            "650000000000000000000041",
                            "categorization",
                            "{\"categories\": [\"x\", \"y\"], \"responses_required\": 3}",
                            false));
            String plain = SimTasks.insertDue(
                    context, account, SimTasks.doc("650000000000000000000042", "categorization", "{}", false));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> List.of(calibration, consensus, plain).stream()
                            .allMatch(id -> SimTasks.status(context, id).equals("completed")));

            List<ObjectNode> calibrationAttempts = attempts(context, calibration);
            assertThat(calibrationAttempts).hasSize(1);
            ObjectNode attempt = calibrationAttempts.get(0);
            assertThat(attempt.get("labeler_email").asString()).contains("@");
            assertThat(attempt.get("passed").asBoolean())
                    .isEqualTo(attempt.get("score").asInt() >= QualityRecords.PASSING_SCORE);
            assertThat(attempt.get("batch").asString()).isEqualTo("calibration-1");
            assertThat(attempts(context, consensus))
                    .extracting(a -> a.get("labeler_email").asString())
                    .hasSize(3)
                    .doesNotHaveDuplicates();
            assertThat(attempts(context, plain)).isEmpty();
        }
    }

    @Test
    void someCompletedTasksCarryAScaleAuditMatchingTheAuditsTable() {
        try (TestEmulator scale = TestEmulator.start()) {
            EmulatorContext context = scale.emulator().context();
            String account = scale.account().accountId();
            // Fixed ids and the fixed seed make which tasks get audited the same on every run.
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(SimTasks.insertDue(
                        context,
                        account,
                        SimTasks.doc(String.format("6500000000000000000001%02d", i), "categorization", "{}", false)));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ids.stream()
                            .allMatch(id -> SimTasks.status(context, id).equals("completed")));

            int audited = 0;
            for (String id : ids) {
                ObjectNode task = SimTasks.load(context, id);
                List<ObjectNode> rows = context.db()
                        .read(h -> h.createQuery("SELECT doc FROM audits WHERE task_id = :t")
                                .bind("t", id)
                                .mapTo(String.class)
                                .map(Docs::read)
                                .list());
                if (task.has("audits")) {
                    audited++;
                    JsonNode entry = task.get("audits").get(0);
                    assertThat(entry.get("audit_source").asString()).isEqualTo("scale");
                    assertThat(entry.get("audit_result").asString()).isIn("accepted", "fixed");
                    assertThat(rows).hasSize(1);
                    assertThat(rows.get(0).get("audit_result")).isEqualTo(entry.get("audit_result"));
                    assertThat(rows.get(0).get("task_id").asString()).isEqualTo(id);
                } else {
                    assertThat(rows).isEmpty();
                }
            }
            assertThat(audited).isBetween(1, 29);
        }
    }

    static void insertBatch(EmulatorContext context, String accountId, String name, boolean calibration) {
        ObjectNode doc = Docs.object();
        doc.put("id", context.ids().objectId());
        doc.put("name", name);
        doc.put("project", "kittens");
        doc.put("status", "in_progress");
        doc.put("created_at", context.now());
        doc.put("updated_at", context.now());
        doc.putObject("metadata");
        doc.put("calibration_batch", calibration);
        doc.put("self_label_batch", false);
        context.db()
                .write(h -> h.createUpdate("INSERT INTO batches (account_id, test_mode, name, id, project, status,"
                                + " calibration, created_at, updated_at, doc) VALUES (:a, 0, :n, :id, 'kittens', 'in_progress',"
                                + " :c, :now, :now, :doc)")
                        .bind("a", accountId)
                        .bind("n", name)
                        .bind("id", doc.get("id").asString())
                        .bind("c", calibration ? 1 : 0)
                        .bind("now", context.now())
                        .bind("doc", Docs.write(doc))
                        .execute());
    }

    private static List<ObjectNode> attempts(EmulatorContext context, String taskId) {
        return context.db()
                .read(h -> h.createQuery("SELECT doc FROM quality_attempts WHERE quality_task_id = :t")
                        .bind("t", taskId)
                        .mapTo(String.class)
                        .map(Docs::read)
                        .list());
    }
}
