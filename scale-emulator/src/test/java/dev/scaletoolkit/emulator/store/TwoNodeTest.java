package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.DemoAccount;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two emulator nodes on one PostgreSQL database, with the workforce off on both so the tests decide who completes
 * what and when: batches settle exactly once when their last tasks finish at once on different nodes, the demo
 * account is one account, the control plane answers a lost race with a 4xx, never a 500, and a project changed on
 * one node is what the other node's next create inherits (each node keeps parsed projects).
 */
class TwoNodeTest {
    /** How many batches race; {@code -Dscale.twoNode.batches=2000} for a larger run. */
    private static final int BATCHES = Integer.getInteger("scale.twoNode.batches", 200);
    /** How many single tasks both nodes race to complete. */
    private static final int RACES = Integer.getInteger("scale.twoNode.races", 1000);

    private static EmbeddedPostgres postgres;
    private static TestEmulator first;
    private static ScaleEmulator second;
    private static Http live1;
    private static Http live2;
    private static Http admin1;
    private static Http admin2;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        first = TestEmulator.start(node("scale-two-1"), true);
        second = ScaleEmulator.start(node("scale-two-2"));
        live1 = new Http(first.baseUrl(), first.account().liveKey());
        live2 = new Http(second.baseUrl(), first.account().liveKey());
        admin1 = new Http(first.baseUrl(), null);
        admin2 = new Http(second.baseUrl(), null);
        assertThat(live1.post("/v1/projects", "{\"type\": \"categorization\", \"name\": \"race\"}")
                        .status())
                .isEqualTo(200);
    }

    private static dev.scaletoolkit.emulator.EmulatorConfig node(String dir) throws IOException {
        return TestEmulator.defaults(Files.createTempDirectory(dir))
                .postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                .workforceEnabled(false)
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String task(Http http, String batch, int n) {
        Http.Resp r = http.post(
                "/v1/task/categorization", """
                {"instruction": "Which?", "attachment_type": "text", "attachment": "item %d",
                 "categories": ["a", "b"]%s}""".formatted(n, batch == null ? "" : ", \"batch\": \"" + batch + "\""));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("task_id").asString();
    }

    /** Runs each pair of calls at the same moment, up to {@code pairs} pairs at a time. */
    private static <T> List<T> racePairs(List<List<Callable<T>>> pairs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (List<Callable<T>> pair : pairs) {
                CountDownLatch go = new CountDownLatch(pair.size());
                for (Callable<T> call : pair) {
                    futures.add(pool.submit(() -> {
                        go.countDown();
                        go.await();
                        return call.call();
                    }));
                }
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProjectChangedOnOneNodeIsWhatTheNextCreateOnTheOtherInherits() {
        assertThat(live1.post(
                                "/v1/projects",
                                "{\"type\": \"categorization\", \"name\": \"inherit\","
                                        + " \"params\": {\"instruction\": \"first words\"}}")
                        .status())
                .isEqualTo(200);
        String body = "{\"project\": \"inherit\", \"attachment_type\": \"text\", \"attachment\": \"x\","
                + " \"categories\": [\"a\", \"b\"]}";
        // the second node reads (and keeps parsed) the project as it is now
        Http.Resp before = live2.post("/v1/task/categorization", body);
        assertThat(before.status()).as(before.text()).isEqualTo(200);
        assertThat(before.json().path("instruction").asString()).isEqualTo("first words");

        Http.Resp changed = live1.post("/v1/projects/inherit/setParams", "{\"instruction\": \"second words\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        Http.Resp after = live2.post("/v1/task/categorization", body);
        assertThat(after.status()).as(after.text()).isEqualTo(200);
        assertThat(after.json().path("instruction").asString()).isEqualTo("second words");
    }

    @Test
    void batchesWhoseLastTasksCompleteAtOnceOnTwoNodesAllCompleteOnceWithOneCallback() throws Exception {
        List<String> batches = new ArrayList<>();
        List<List<Callable<Integer>>> pairs = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            String name = "race_" + i;
            Http.Resp b = live1.post("/v1/batches", """
                    {"project": "race", "name": "%s", "callback": "batches@race.example"}""".formatted(name));
            assertThat(b.status()).as(b.text()).isEqualTo(200);
            batches.add(name);
            String a = task(live1, name, 2 * i);
            String c = task(live2, name, 2 * i + 1);
            pairs.add(List.of(
                    () -> admin1.post("/_emulator/tasks/" + a + "/complete", "{}")
                            .status(),
                    () -> admin2.post("/_emulator/tasks/" + c + "/complete", "{}")
                            .status()));
        }
        assertThat(racePairs(pairs)).containsOnly(200);

        Http.Resp stuck = live2.get("/v1/batches?project=race&status=in_progress&limit=100");
        assertThat(stuck.json().path("docs")).as("batches left in progress").isEmpty();
        assertThat(live2.get("/v1/batches?project=race&status=completed&limit=1")
                        .json()
                        .path("totalDocs")
                        .asInt())
                .isEqualTo(BATCHES);
        java.util.Map<String, Integer> callbacks = new java.util.HashMap<>();
        admin1.get("/_emulator/callbacks?limit=1000")
                .json()
                .path("docs")
                .forEach(d -> callbacks.merge(d.path("batch_name").asString(), 1, Integer::sum));
        for (String name : batches) {
            assertThat(callbacks.get(name)).as("callbacks of batch %s", name).isEqualTo(1);
        }
    }

    /** Loads {@code n} pending tasks in one request and returns their ids. */
    private static List<String> loadTasks(int n) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < n; i++) {
            tasks.append(i == 0 ? "" : ",").append("""
                    {"type": "categorization", "instruction": "Which?", "attachment_type": "text",
                     "attachment": "race %d", "categories": ["a", "b"]}""".formatted(i));
        }
        Http.Resp loaded = admin1.post(
                "/_emulator/tasks/bulk",
                "{\"api_key\": \"" + first.account().liveKey() + "\", \"tasks\": [" + tasks + "]}");
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        loaded.json().path("task_ids").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static void assertOneWinnerPerRace(List<Integer> statuses) {
        assertThat(statuses).isSubsetOf(200, 400, 409);
        for (int i = 0; i < statuses.size(); i += 2) {
            assertThat(statuses.subList(i, i + 2)).as("race %d", i / 2).containsOnlyOnce(200);
        }
    }

    @Test
    void completingOneTaskOnBothNodesAtOnceGivesOne200AndOne400NeverA500() throws Exception {
        List<List<Callable<Integer>>> pairs = new ArrayList<>();
        for (String id : loadTasks(100)) {
            pairs.add(List.of(
                    () -> admin1.post("/_emulator/tasks/" + id + "/complete", "{}")
                            .status(),
                    () -> admin2.post("/_emulator/tasks/" + id + "/complete", "{}")
                            .status()));
        }
        assertOneWinnerPerRace(racePairs(pairs));
    }

    /**
     * Issue 18, Why 7: under load one of 100 racing pairs answered 500. Two nodes' transactions that each held a
     * task row and wanted the shared task-count rows deadlocked, and the write the database chose to fail was
     * answered as an error when it ran alone; it is now run again. A thousand races through the completion service
     * both nodes' control planes call (the wire mapping is checked above), so a rare loss shows: an exception here
     * is what the control plane answers with a 500.
     */
    @Test
    void aThousandCompletionRacesBetweenTwoNodesEachHaveOneWinnerAndNoFailure() throws Exception {
        dev.scaletoolkit.emulator.task.TaskCompletion one =
                first.emulator().services().completion();
        dev.scaletoolkit.emulator.task.TaskCompletion two = second.services().completion();
        List<List<Callable<Integer>>> pairs = new ArrayList<>();
        for (String id : loadTasks(RACES)) {
            pairs.add(List.of(() -> status(one, id), () -> status(two, id)));
        }
        assertOneWinnerPerRace(racePairs(pairs));
    }

    /** What the control plane answers for a completion: 200 finished, 400 not pending, 500 for an exception. */
    private static int status(dev.scaletoolkit.emulator.task.TaskCompletion completion, String id) {
        try {
            return completion.complete(id, null, "control-plane").finished() ? 200 : 400;
        } catch (RuntimeException e) {
            return 500;
        }
    }

    @Test
    void bothNodesServeOneDemoAccount() throws Exception {
        List<Accounts.NewAccount> made = racePairs(List.of(List.of(
                () -> DemoAccount.ensure(first.emulator().context()), () -> DemoAccount.ensure(second.context()))));
        assertThat(made.get(0)).isEqualTo(made.get(1));
        assertThat(new Http(second.baseUrl(), made.get(0).liveKey())
                        .get("/v1/projects")
                        .status())
                .isEqualTo(200);
        assertThat(DemoAccount.ensure(second.context())).isEqualTo(made.get(0));
        assertThat(Files.readString(second.config().dataDir().resolve(DemoAccount.FILE_NAME)))
                .contains(made.get(0).liveKey());
    }
}
