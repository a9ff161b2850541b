package dev.scaletoolkit.emulator.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.emulator.EmulatorServices;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Consensus through the services the browser UI calls: seats per person, answers kept off the task until the
 * last one, completion on its own at or above the threshold, a manager's pick or merge under it, and the task
 * completed (with one callback queued) exactly once.
 */
class ConsensusTest {
    private static final String ADA = "ada@consensus.example";
    private static final String BOB = "bob@consensus.example";
    private static final String CY = "cy@consensus.example";
    private static final String DEE = "dee@consensus.example";
    private static final String GRACE = "grace@consensus.example";

    private static TestEmulator scale;
    private static StudioWorld world;
    private static EmulatorServices services;
    private static Caller caller;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        world = new StudioWorld(scale);
        services = scale.emulator().services();
        caller = world.liveCaller;
        StudioWorld.ok(world.live.post("/v1/projects", """
                {"name": "Vehicles", "type": "categorization", "studio": true,
                 "params": {"labelers_per_task": 3, "consensus_threshold": 0.8}}"""));
        StudioWorld.ok(world.live.post("/v1/projects", """
                {"name": "Boxes", "type": "imageannotation", "studio": true,
                 "params": {"labelers_per_task": 3}}"""));
    }

    @AfterAll
    static void stop() {
        if (scale != null) {
            scale.close();
        }
    }

    private static String category() {
        return StudioWorld.ok(world.live.post("/v1/task/categorization", """
                        {"project": "Vehicles", "instruction": "Which?", "attachment_type": "text",
                         "attachment": "a red thing", "categories": ["car", "bus"],
                         "callback_url": "https://example.com/hook"}"""))
                .json()
                .path("task_id")
                .asString();
    }

    private static LabelerSubmissions.Outcome answer(String taskId, String email, String json) {
        assertThat(services.reservations()
                        .reserve(caller.accountId(), taskId, email)
                        .granted())
                .isTrue();
        return services.submissions()
                .complete(caller, email, taskId, ScaleJson.mapper().readTree(json), false);
    }

    private static JsonNode task(String id) {
        return StudioWorld.ok(world.live.get("/v1/task/" + id)).json();
    }

    private static int callbacks(String id) {
        return StudioWorld.ok(new Http(scale.baseUrl(), null).get("/_emulator/callbacks?task_id=" + id))
                .json()
                .path("docs")
                .size();
    }

    @Test
    void aTaskHasOneSeatPerLabelerAndNobodyGetsTwo() {
        String id = category();
        Reservations r = services.reservations();
        assertThat(r.reserve(caller.accountId(), id, ADA).granted()).isTrue();
        assertThat(r.reserve(caller.accountId(), id, ADA).granted()).isTrue(); // a renewal, not a second seat
        assertThat(r.reserve(caller.accountId(), id, BOB).granted()).isTrue();
        assertThat(r.reserve(caller.accountId(), id, CY).granted()).isTrue();
        Reservations.Claim dee = r.reserve(caller.accountId(), id, DEE);
        assertThat(dee.granted()).isFalse();
        assertThat(dee.lease().email()).isIn(ADA, BOB, CY);
        assertThat(r.running(caller.accountId()).stream()
                        .filter(l -> l.taskId().equals(id))
                        .count())
                .isEqualTo(3);

        // Ada answers: her seat stays taken, so Dee still waits, and Ada cannot take the task again.
        var outcome = services.submissions()
                .complete(caller, ADA, id, ScaleJson.mapper().readTree("{\"category\": \"car\"}"), false);
        assertThat(outcome.consensus()).contains(Consensus.Step.WAITING_FOR_OTHERS);
        assertThat(r.reserve(caller.accountId(), id, DEE).granted()).isFalse();
        assertThat(r.reserve(caller.accountId(), id, ADA).granted()).isFalse();
        assertThat(services.consensus().closedTo(caller.accountId(), ADA)).contains(id);

        // Cy's lease runs out: the seat goes to Dee.
        scale.clock().advance(Duration.ofMinutes(20));
        r.reserve(caller.accountId(), id, BOB);
        scale.clock().advance(Duration.ofMinutes(11));
        assertThat(r.reserve(caller.accountId(), id, DEE).granted()).isTrue();
        assertThat(task(id).path("status").asString()).isEqualTo("pending");
    }

    @Test
    void answersThatAgreeCompleteTheTaskOnTheirOwnWithTheMajorityAnswer() {
        String id = category();
        assertThat(answer(id, ADA, "{\"category\": \"car\"}").consensus()).contains(Consensus.Step.WAITING_FOR_OTHERS);
        assertThat(answer(id, BOB, "{\"category\": \"car\"}").consensus()).contains(Consensus.Step.WAITING_FOR_OTHERS);
        assertThat(task(id).path("status").asString()).isEqualTo("pending");
        assertThat(callbacks(id)).isZero();
        assertThat(answer(id, CY, "{\"category\": \"car\"}").consensus()).contains(Consensus.Step.COMPLETED);
        JsonNode done = task(id);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("response").path("category").asString()).isEqualTo("car");
        assertThat(callbacks(id)).isEqualTo(1);
        Consensus.View view = services.consensus().view(caller, id);
        assertThat(view.score()).isEqualTo(1.0);
        assertThat(view.review().orElseThrow().state()).isEqualTo(Consensus.State.AUTO);
        assertThat(services.consensus().waiting(caller.accountId()))
                .noneMatch(r -> r.taskId().equals(id));
    }

    @Test
    void underTheThresholdTheManagerPicksAndOnlyTheFirstDecisionCounts() {
        String id = category();
        answer(id, ADA, "{\"category\": \"car\"}");
        answer(id, BOB, "{\"category\": \"car\"}");
        assertThat(answer(id, CY, "{\"category\": \"bus\"}").consensus()).contains(Consensus.Step.WAITING_FOR_MANAGER);
        assertThat(task(id).path("status").asString()).isEqualTo("pending");
        assertThat(callbacks(id)).isZero();
        Consensus.Review waiting = services.consensus().waiting(caller.accountId()).stream()
                .filter(r -> r.taskId().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.score()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        // Nobody else gets it from the queue now.
        assertThat(services.consensus().closedTo(caller.accountId(), DEE)).contains(id);

        assertThatThrownBy(() -> services.consensus().decide(new Consensus.Decide(caller, id, GRACE, DEE)))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("did not answer");
        services.consensus().decide(new Consensus.Decide(caller, id, GRACE, CY));
        JsonNode done = task(id);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("response").path("category").asString()).isEqualTo("bus");
        assertThat(callbacks(id)).isEqualTo(1);
        // Decided, it is an ordinary completed task again: a reject on Review may send it back to Cy.
        assertThat(services.consensus().closedTo(caller.accountId(), CY)).doesNotContain(id);
        assertThatThrownBy(() -> services.consensus().decide(new Consensus.Decide(caller, id, GRACE, ADA)))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("already decided");
        assertThat(task(id).path("response").path("category").asString()).isEqualTo("bus");
        assertThat(callbacks(id)).isEqualTo(1);
        // Categories cannot be merged.
        assertThat(services.consensus().view(caller, id).review().orElseThrow().state())
                .isEqualTo(Consensus.State.PICKED);
    }

    @Test
    void aManagerMergesBoxesKeepingWhatTheMajorityDrew() {
        String id = StudioWorld.ok(world.live.post("/v1/task/imageannotation", """
                        {"project": "Boxes", "instruction": "Box cars.", "attachment": "https://example.com/a.png",
                         "attachment_type": "image", "geometries": {"box": {"objects_to_annotate": ["car"]}}}"""))
                .json()
                .path("task_id")
                .asString();
        answer(
                id,
                ADA,
                "{\"annotations\": [{\"type\": \"box\", \"label\": \"car\", \"left\": 0, \"top\": 0,"
                        + " \"width\": 100, \"height\": 100}, {\"type\": \"box\", \"label\": \"car\", \"left\": 500,"
                        + " \"top\": 0, \"width\": 50, \"height\": 50}]}");
        answer(
                id,
                BOB,
                "{\"annotations\": [{\"type\": \"box\", \"label\": \"car\", \"left\": 10, \"top\": 0,"
                        + " \"width\": 100, \"height\": 100}]}");
        assertThat(answer(id, CY, "{\"annotations\": []}").consensus()).contains(Consensus.Step.WAITING_FOR_MANAGER);
        services.consensus().decide(new Consensus.Decide(caller, id, GRACE, Consensus.MERGE));
        JsonNode boxes = task(id).path("response").path("annotations");
        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).path("left").asDouble()).isEqualTo(5.0);
        assertThat(services.consensus().view(caller, id).review().orElseThrow().state())
                .isEqualTo(Consensus.State.MERGED);
    }

    @Test
    void aTaskKeepsItsNumberOfLabelersOnceSomeoneAnswered() {
        StudioWorld.ok(world.live.post("/v1/projects", """
                {"name": "Pairs", "type": "categorization", "studio": true, "params": {"labelers_per_task": 3}}"""));
        String answered = StudioWorld.ok(world.live.post("/v1/task/categorization", """
                        {"project": "Pairs", "instruction": "Which?", "attachment_type": "text",
                         "attachment": "one", "categories": ["car", "bus"]}"""))
                .json()
                .path("task_id")
                .asString();
        String fresh = StudioWorld.ok(world.live.post("/v1/task/categorization", """
                        {"project": "Pairs", "instruction": "Which?", "attachment_type": "text",
                         "attachment": "two", "categories": ["car", "bus"]}"""))
                .json()
                .path("task_id")
                .asString();
        answer(answered, ADA, "{\"category\": \"car\"}");
        answer(answered, BOB, "{\"category\": \"car\"}");
        // The manager lowers the setting to 2: the task two people answered still waits for its third.
        StudioWorld.ok(world.live.post("/v1/projects/Pairs/setParams", "{\"labelers_per_task\": 2, \"patch\": true}"));
        assertThat(services.consensus().settings(caller.accountId(), answered).labelersPerTask())
                .isEqualTo(3);
        assertThat(services.consensus().settings(caller.accountId(), fresh).labelersPerTask())
                .isEqualTo(2);
        assertThat(answer(answered, CY, "{\"category\": \"car\"}").consensus()).contains(Consensus.Step.COMPLETED);
        assertThat(task(answered).path("status").asString()).isEqualTo("completed");
    }
}
