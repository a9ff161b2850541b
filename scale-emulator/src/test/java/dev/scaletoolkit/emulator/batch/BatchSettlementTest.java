package dev.scaletoolkit.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How a standard batch follows its tasks, as clients see it: it keeps taking tasks after earlier ones completed,
 * completes again (with its callback) after the last one, and its callback always arrives after the callback of
 * the task that completed it.
 */
class BatchSettlementTest {
    /** One callback as it arrived: which endpoint, the status answered, and the body. */
    record Arrival(String path, int answered, JsonNode body) {}

    private TestEmulator scale;
    private HttpServer receiver;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    /** How many task callbacks to refuse with a 500 before accepting. */
    private final AtomicInteger taskFailures = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = ScaleJson.mapper()
                    .readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = path.equals("/task") && taskFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            arrivals.add(new Arrival(path, status, body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        scale.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static String task(String batch, String callbackUrl, int n) {
        return """
                {"batch": "%s", "instruction": "Open or closed?", "attachment_type": "text",
                 "attachment": "shop %d", "categories": ["open", "closed"], "callback_url": "%s"}""".formatted(batch, n, callbackUrl);
    }

    private void batchWithCallback(Http http, String name) {
        assertThat(http.post("/v1/projects", "{\"type\": \"categorization\", \"name\": \"shops\"}")
                        .status())
                .isEqualTo(200);
        Http.Resp batch = http.post("/v1/batches", """
                {"project": "shops", "name": "%s", "callback": "%s"}""".formatted(name, url("/batch")));
        assertThat(batch.status()).as(batch.text()).isEqualTo(200);
        assertThat(batch.json().path("status").asString()).isEqualTo("in_progress");
    }

    private List<Arrival> delivered(String path) {
        return arrivals.stream()
                .filter(a -> a.path().equals(path) && a.answered() == 200)
                .toList();
    }

    @Test
    void threeTestTasksCreatedOneAfterAnotherIntoOneBatchAllSucceedAndEachCompletesTheBatchAgain() {
        Http test = new Http(scale.baseUrl(), scale.account().testKey());
        batchWithCallback(test, "shops_test");
        for (int i = 1; i <= 3; i++) {
            Http.Resp created = test.post("/v1/task/categorization", task("shops_test", url("/task"), i));
            assertThat(created.status())
                    .as("create #" + i + ": " + created.text())
                    .isEqualTo(200);
            String taskId = created.json().path("task_id").asString();
            // A test task is done at once, so the batch is completed again after each create.
            assertThat(test.get("/v1/batches/shops_test").json().path("status").asString())
                    .isEqualTo("completed");
            int round = i;
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> delivered("/batch").size() == round);
            int taskAt = indexOf(a -> a.path().equals("/task")
                    && a.body().path("task_id").asString().equals(taskId));
            int batchAt = arrivals.indexOf(delivered("/batch").get(i - 1));
            assertThat(taskAt).as("task %s's callback arrived", taskId).isGreaterThanOrEqualTo(0);
            assertThat(batchAt)
                    .as("batch callback #%d after the callback of task %s", i, taskId)
                    .isGreaterThan(taskAt);
        }
        JsonNode status = test.get("/v1/batches/shops_test/status").json();
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("completed").asInt()).isEqualTo(3);
        assertThat(delivered("/batch"))
                .allSatisfy(a -> assertThat(a.body().path("status").asString()).isEqualTo("completed"));
    }

    @Test
    void theBatchCallbackWaitsForTheCallbackOfTheTaskThatCompletedIt() {
        Http live = new Http(scale.baseUrl(), scale.account().liveKey());
        batchWithCallback(live, "shops_live");
        Http.Resp created = live.post("/v1/task/categorization", task("shops_live", url("/task"), 1));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String taskId = created.json().path("task_id").asString();
        // The task's first delivery fails, so it is retried; the batch's callback must still come after it.
        taskFailures.set(2);

        Http admin = new Http(scale.baseUrl(), null);
        Http.Resp done = admin.post("/_emulator/tasks/" + taskId + "/complete", "{}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered("/batch").size() == 1);
        int taskDelivered = arrivals.indexOf(delivered("/task").get(0));
        int batchDelivered = arrivals.indexOf(delivered("/batch").get(0));
        assertThat(arrivals.stream().filter(a -> a.path().equals("/task")).count())
                .as("task callback attempts")
                .isEqualTo(3);
        assertThat(batchDelivered).isGreaterThan(taskDelivered);
        assertThat(live.get("/v1/batches/shops_live").json().path("status").asString())
                .isEqualTo("completed");
    }

    @Test
    void aLiveTaskAddedToACompletedBatchTakesItBackToInProgressUntilItCompletes() {
        Http live = new Http(scale.baseUrl(), scale.account().liveKey());
        Http admin = new Http(scale.baseUrl(), null);
        batchWithCallback(live, "shops_again");
        String first = live.post("/v1/task/categorization", task("shops_again", url("/task"), 1))
                .json()
                .path("task_id")
                .asString();
        assertThat(admin.post("/_emulator/tasks/" + first + "/complete", "{}").status())
                .isEqualTo(200);
        assertThat(live.get("/v1/batches/shops_again").json().path("status").asString())
                .isEqualTo("completed");

        Http.Resp second = live.post("/v1/task/categorization", task("shops_again", url("/task"), 2));
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        JsonNode reopened = live.get("/v1/batches/shops_again").json();
        assertThat(reopened.path("status").asString()).isEqualTo("in_progress");
        assertThat(reopened.has("completed_at")).isFalse();

        assertThat(admin.post(
                                "/_emulator/tasks/"
                                        + second.json().path("task_id").asString() + "/complete",
                                "{}")
                        .status())
                .isEqualTo(200);
        assertThat(live.get("/v1/batches/shops_again").json().path("status").asString())
                .isEqualTo("completed");
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered("/batch").size() == 2);
    }

    private int indexOf(java.util.function.Predicate<Arrival> test) {
        List<Arrival> all = List.copyOf(arrivals);
        for (int i = 0; i < all.size(); i++) {
            if (test.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
