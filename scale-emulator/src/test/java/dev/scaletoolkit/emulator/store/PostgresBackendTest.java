package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same emulator on PostgreSQL 15 (a real server, started from Maven Central's binaries): the migrations run
 * unchanged, and the paths that lean on the database (unique ids under concurrency, keyset paging, the
 * workforce and batch completion) behave as on SQLite.
 */
class PostgresBackendTest {
    private static EmbeddedPostgres postgres;
    private static TestEmulator scale;
    private static Http api;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        scale = TestEmulator.start(
                TestEmulator.defaults(Files.createTempDirectory("scale-pg"))
                        .postgres(url, "postgres", "postgres")
                        .build(),
                true);
        api = new Http(scale.baseUrl(), scale.account().liveKey());
    }

    @AfterAll
    static void stop() throws IOException {
        if (scale != null) {
            scale.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void liveTaskInABatchCompletesAndClosesItsBatch() {
        assertThat(api.post("/v1/projects", "{\"type\": \"categorization\", \"name\": \"pg_colours\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/v1/batches", "{\"project\": \"pg_colours\", \"name\": \"pg_batch\"}")
                        .status())
                .isEqualTo(200);
        Http.Resp created = api.post("/v1/task/categorization", """
                {"batch": "pg_batch", "instruction": "Which colour?", "attachment_type": "text",
                 "attachment": "tomato", "categories": ["red", "green"]}""");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String id = created.json().path("task_id").asString();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/v1/task/" + id).json().path("status").asString(), s -> s.equals("completed"));
        assertThat(api.get("/v1/task/" + id).json().at("/response/category").asString())
                .isIn("red", "green");
        assertThat(api.get("/v1/batches/pg_batch/status").json().path("status").asString())
                .isEqualTo("completed");
    }

    @Test
    void concurrentCreatesWithOneUniqueIdMakeOneTask() throws Exception {
        String body = """
                {"instruction": "Which colour?", "attachment_type": "text", "attachment": "leaf",
                 "categories": ["red", "green"], "unique_id": "pg-race-1"}""";
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return api.post("/v1/task/categorization", body).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
        assertThat(api.get("/v1/tasks?unique_id=pg-race-1").json().path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void tasksPageAcrossNextTokenWithoutRepeats() {
        for (int i = 0; i < 5; i++) {
            api.post("/v1/task/categorization", """
                    {"instruction": "Pick", "attachment_type": "text", "attachment": "item %d",
                     "categories": ["a", "b"], "tags": ["pg-page"]}""".formatted(i));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Http.Resp page = api.get("/v1/tasks?tags=pg-page&limit=2" + (token == null ? "" : "&next_token=" + token));
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("docs").forEach(t -> seen.add(t.path("task_id").asString()));
            token = page.json().path("next_token").isString()
                    ? page.json().path("next_token").asString()
                    : null;
        } while (token != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    /**
     * Two emulator nodes on one database, both running the workforce and the callback dispatcher: every task is
     * completed once and its callback delivered once.
     */
    @Test
    void twoNodesOnOneDatabaseCompleteAndCallBackEachTaskOnce() throws Exception {
        java.util.Map<String, Integer> deliveries = new java.util.concurrent.ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/cb", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String taskId = dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                    .readTree(body)
                    .path("task_id")
                    .asString();
            deliveries.merge(taskId, 1, Integer::sum);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb";
        try (TestEmulator second = TestEmulator.start(
                TestEmulator.defaults(Files.createTempDirectory("scale-pg-node2"))
                        .postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                        .build(),
                true)) {
            // Tasks go in through both nodes, with the first account's key (both nodes share the accounts).
            Http viaSecond = new Http(second.baseUrl(), scale.account().liveKey());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Http node = i % 2 == 0 ? api : viaSecond;
                Http.Resp r = node.post("/v1/task/categorization", """
                        {"instruction": "Which colour?", "attachment_type": "text", "attachment": "thing %d",
                         "categories": ["red", "green"], "callback_url": "%s"}""".formatted(i, callbackUrl));
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                ids.add(r.json().path("task_id").asString());
            }
            // Wait until the shared outbox has recorded every delivery as final: nothing is left to be sent again.
            Http control = new Http(scale.baseUrl(), null);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> deliveries.keySet().containsAll(ids)
                            && ids.stream().allMatch(id -> {
                                var log = control.get("/_emulator/callbacks?task_id=" + id)
                                        .json()
                                        .path("docs");
                                return log.size() == 1
                                        && log.get(0).path("state").asString().equals("delivered");
                            }));
            for (String id : ids) {
                assertThat(deliveries.get(id)).as("deliveries of " + id).isEqualTo(1);
                assertThat(control.get("/_emulator/callbacks?task_id=" + id)
                                .json()
                                .path("docs")
                                .get(0)
                                .path("attempts")
                                .asInt())
                        .as("attempts recorded for " + id)
                        .isEqualTo(1);
                assertThat(api.get("/v1/task/" + id).json().path("status").asString())
                        .isEqualTo("completed");
            }
        } finally {
            receiver.stop(0);
        }
    }
}
