package dev.scaletoolkit.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.emulator.workforce.SimTasks;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Callbacks reach real receivers with Scale's body and header, are retried, and survive a restart. */
class CallbackDispatcherTest {
    private static final String PARAMS = "{\"categories\": [\"red\", \"blue\"], \"attachment\": \"tomato\"}";

    private static String pendingTaskWithCallback(TestEmulator scale, String id, String callbackUrl) {
        ObjectNode doc = SimTasks.doc(id, "categorization", PARAMS, false);
        doc.put("callback_url", callbackUrl);
        return SimTasks.insert(scale.emulator().context(), scale.account().accountId(), doc, null);
    }

    private static JsonNode callbacks(TestEmulator scale, String taskId) {
        return new Http(scale.baseUrl(), null)
                .get("/_emulator/callbacks?task_id=" + taskId)
                .json()
                .get("docs");
    }

    @Test
    void receiverGetsTaskResponseAndIdWithTheAccountsAuthHeader() {
        try (CallbackReceiver receiver = CallbackReceiver.start();
                TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            String id = pendingTaskWithCallback(scale, "650000000000000000000201", receiver.url("/hooks/scale"));
            assertThat(new Http(scale.baseUrl(), null)
                            .post("/_emulator/tasks/" + id + "/complete", "")
                            .status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.deliveries().size() == 1);
            CallbackReceiver.Delivery delivery = receiver.deliveries().get(0);
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.contentType()).startsWith("application/json");
            assertThat(delivery.authHeader()).isEqualTo(scale.account().callbackAuthKey());
            assertThat(delivery.body().get("task_id").asString()).isEqualTo(id);
            assertThat(delivery.body().get("task").get("task_id").asString()).isEqualTo(id);
            assertThat(delivery.body().get("task").get("status").asString()).isEqualTo("completed");
            assertThat(delivery.body().get("response").get("category").asString())
                    .isIn("red", "blue");
            assertThat(delivery.body().get("response"))
                    .isEqualTo(delivery.body().get("task").get("response"));

            EmulatorContext context = scale.emulator().context();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> SimTasks.load(context, id)
                            .path("callback_succeeded")
                            .asBoolean(false));
            JsonNode log = callbacks(scale, id);
            assertThat(log.get(0).get("state").asString()).isEqualTo("delivered");
            assertThat(log.get(0).get("last_status").asInt()).isEqualTo(200);
            assertThat(log.toString()).doesNotContain(scale.account().callbackAuthKey());
        }
    }

    @Test
    void failedDeliveriesAreRetriedUntilOneSucceeds() {
        try (CallbackReceiver receiver = CallbackReceiver.start(500, 500);
                TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            String id = pendingTaskWithCallback(scale, "650000000000000000000202", receiver.url("/cb"));
            new Http(scale.baseUrl(), null).post("/_emulator/tasks/" + id + "/complete", "");

            EmulatorContext context = scale.emulator().context();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> SimTasks.load(context, id)
                            .path("callback_succeeded")
                            .asBoolean(false));
            assertThat(receiver.deliveries()).hasSize(3);
            assertThat(receiver.deliveries())
                    .allSatisfy(
                            d -> assertThat(d.body().get("task_id").asString()).isEqualTo(id));
            JsonNode log = callbacks(scale, id).get(0);
            assertThat(log.get("attempts").asInt()).isEqualTo(3);
            assertThat(log.get("state").asString()).isEqualTo("delivered");
        }
    }

    @Test
    void deliveryFailsForGoodOnceRetriesRunOut() {
        try (CallbackReceiver receiver = CallbackReceiver.start(500, 500, 500, 500, 500, 500, 500, 500);
                TestEmulator scale = TestEmulator.start(b ->
                        b.workforceEnabled(false).callbackRetryDelays(Collections.nCopies(2, Duration.ofMillis(50))))) {
            String id = pendingTaskWithCallback(scale, "650000000000000000000203", receiver.url("/cb"));
            new Http(scale.baseUrl(), null).post("/_emulator/tasks/" + id + "/complete", "");

            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            callbacks(scale, id).get(0).get("state").asString().equals("failed"));
            assertThat(receiver.deliveries()).hasSize(3); // the first attempt and two retries
            JsonNode log = callbacks(scale, id).get(0);
            assertThat(log.get("last_status").asInt()).isEqualTo(500);
            assertThat(SimTasks.load(scale.emulator().context(), id)
                            .get("callback_succeeded")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Test
    void emailAddressCallbacksAreRecordedWithoutANetworkCall() {
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            String id = pendingTaskWithCallback(scale, "650000000000000000000204", "ops@customer.example");
            new Http(scale.baseUrl(), null).post("/_emulator/tasks/" + id + "/complete", "");

            EmulatorContext context = scale.emulator().context();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> SimTasks.load(context, id)
                            .path("callback_succeeded")
                            .asBoolean(false));
            assertThat(callbacks(scale, id).get(0).get("state").asString()).isEqualTo("delivered");
        }
    }

    @Test
    void callbackQueuedWhileReceiverIsDownArrivesAfterRestart() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // free now; nothing listens there until the receiver starts below
        }
        Path dir = Files.createTempDirectory("scale-emulator-restart");
        EmulatorConfig config = TestEmulator.defaults(dir)
                .workforceEnabled(false)
                .callbackRetryDelays(Collections.nCopies(20, Duration.ofMillis(500)))
                .build();
        String id = "650000000000000000000205";
        String authKey;
        try (TestEmulator first = TestEmulator.start(config, false)) {
            authKey = first.account().callbackAuthKey();
            pendingTaskWithCallback(first, id, "http://127.0.0.1:" + port + "/after-restart");
            new Http(first.baseUrl(), null).post("/_emulator/tasks/" + id + "/complete", "");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> callbacks(first, id).get(0).get("attempts").asInt() >= 1);
            assertThat(callbacks(first, id).get(0).get("state").asString()).isEqualTo("pending");
        }

        try (CallbackReceiver receiver = CallbackReceiver.startOn(port);
                TestEmulator second = TestEmulator.start(config, true)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !receiver.deliveries().isEmpty());
            CallbackReceiver.Delivery delivery = receiver.deliveries().get(0);
            assertThat(delivery.body().get("task_id").asString()).isEqualTo(id);
            assertThat(delivery.authHeader()).isEqualTo(authKey);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> SimTasks.load(second.emulator().context(), id)
                            .path("callback_succeeded")
                            .asBoolean(false));
        }
    }

    @Test
    void pendingWorkSurvivesARestart() throws IOException {
        Path dir = Files.createTempDirectory("scale-emulator-restart");
        EmulatorConfig paused =
                TestEmulator.defaults(dir).workforceEnabled(false).build();
        String id = "650000000000000000000206";
        try (TestEmulator first = TestEmulator.start(paused, false)) {
            SimTasks.insertDue(
                    first.emulator().context(),
                    first.account().accountId(),
                    SimTasks.doc(id, "comparison", "{\"choices\": [\"a\", \"b\"]}", false));
        }
        EmulatorConfig running = paused.toBuilder().workforceEnabled(true).build();
        try (TestEmulator second = TestEmulator.start(running, true)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            SimTasks.status(second.emulator().context(), id).equals("completed"));
        }
    }
}
