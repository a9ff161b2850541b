package dev.scaletoolkit.emulator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.ShiftedClock;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two emulator nodes on one PostgreSQL database: two labelers, one on each node, race for the same tasks and
 * never both hold one; a lease that runs out frees the task for the other node; a release on one node is seen
 * by the other; a consensus task's seats (two labelers per task) are never handed to more people than it needs.
 */
class ReservationsTwoNodeTest {
    private static final int TASKS = 60;

    private static EmbeddedPostgres postgres;
    private static final ShiftedClock CLOCK = new ShiftedClock();
    private static ScaleEmulator first;
    private static ScaleEmulator second;
    private static Accounts.NewAccount account;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        first = ScaleEmulator.start(node("scale-lease-1"), CLOCK);
        second = ScaleEmulator.start(node("scale-lease-2"), CLOCK);
        account = first.accounts().create("Lease Co", "owner@lease.example");
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

    private static List<String> tasks(int n) {
        Http api = new Http(first.baseUrl(), account.liveKey());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Http.Resp r = api.post("/v1/task/categorization", """
                    {"instruction": "Which?", "attachment_type": "text", "attachment": "item %d",
                     "categories": ["a", "b"]}""".formatted(i));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            ids.add(r.json().path("task_id").asString());
        }
        return ids;
    }

    @Test
    void twoLabelersOnTwoNodesNeverHoldTheSameTask() throws Exception {
        List<String> ids = tasks(TASKS);
        Reservations onFirst = new Reservations(first.context());
        Reservations onSecond = new Reservations(second.context());
        CountDownLatch go = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Set<String>> ada = pool.submit(grabAll(onFirst, ids, "ada@lease.example", go));
            Future<Set<String>> bob = pool.submit(grabAll(onSecond, ids, "bob@lease.example", go));
            Set<String> adas = ada.get();
            Set<String> bobs = bob.get();
            assertThat(adas).doesNotContainAnyElementsOf(bobs);
            Set<String> all = new HashSet<>(adas);
            all.addAll(bobs);
            assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
            // Both nodes read the same holder for every task.
            for (String id : ids) {
                String expected = adas.contains(id) ? "ada@lease.example" : "bob@lease.example";
                assertThat(onFirst.holder(id).orElseThrow().email()).isEqualTo(expected);
                assertThat(onSecond.holder(id).orElseThrow().email()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tries every task, in an order of its own, and keeps what it won. */
    private static Callable<Set<String>> grabAll(
            Reservations reservations, List<String> ids, String email, CountDownLatch go) {
        return () -> {
            List<String> order = new ArrayList<>(ids);
            if (email.startsWith("bob")) {
                java.util.Collections.reverse(order);
            }
            go.countDown();
            go.await();
            Set<String> won = new HashSet<>();
            for (String id : order) {
                if (reservations.reserve(account.accountId(), id, email).granted()) {
                    won.add(id);
                }
            }
            return won;
        };
    }

    @Test
    void anExpiredLeaseFreesTheTaskForTheOtherNodeAndAReleaseIsSeenEverywhere() {
        List<String> ids = tasks(2);
        Reservations onFirst = new Reservations(first.context());
        Reservations onSecond = new Reservations(second.context());
        String task = ids.get(0);

        Reservations.Claim ada = onFirst.reserve(account.accountId(), task, "ada@lease.example");
        assertThat(ada.granted()).isTrue();
        Reservations.Claim bob = onSecond.reserve(account.accountId(), task, "bob@lease.example");
        assertThat(bob.granted()).isFalse();
        assertThat(bob.lease().email()).isEqualTo("ada@lease.example");

        // Ada's page renews the lease: it still runs after the first 30 minutes would have ended.
        CLOCK.advance(Duration.ofMinutes(20));
        assertThat(onFirst.reserve(account.accountId(), task, "ada@lease.example")
                        .granted())
                .isTrue();
        CLOCK.advance(Duration.ofMinutes(20));
        assertThat(onSecond.reserve(account.accountId(), task, "bob@lease.example")
                        .granted())
                .isFalse();

        // Ada's page is closed: 31 minutes later the lease has run out and Bob gets the task on the other node.
        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(onSecond.holder(task)).isEmpty();
        assertThat(onSecond.reserve(account.accountId(), task, "bob@lease.example")
                        .granted())
                .isTrue();
        assertThat(onFirst.reserve(account.accountId(), task, "ada@lease.example")
                        .granted())
                .isFalse();

        // A manager on the first node releases it; the second node sees it free at once.
        assertThat(onFirst.release(account.accountId(), task)).isTrue();
        assertThat(onSecond.holder(task)).isEmpty();
        assertThat(onFirst.reserve(account.accountId(), task, "ada@lease.example")
                        .granted())
                .isTrue();
    }

    @Test
    void fourLabelersOnTwoNodesFillEachConsensusTaskWithExactlyTwoDifferentPeople() throws Exception {
        Http api = new Http(first.baseUrl(), account.liveKey());
        Http.Resp project = api.post("/v1/projects", """
                {"name": "Pairs", "type": "categorization", "studio": true, "params": {"labelers_per_task": 2}}""");
        assertThat(project.status()).as(project.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Resp r = api.post("/v1/task/categorization", """
                    {"project": "Pairs", "instruction": "Which?", "attachment_type": "text", "attachment": "pair %d",
                     "categories": ["a", "b"]}""".formatted(i));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            ids.add(r.json().path("task_id").asString());
        }
        Reservations onFirst = new Reservations(first.context());
        Reservations onSecond = new Reservations(second.context());
        List<String> people =
                List.of("ada@pairs.example", "bob@pairs.example", "cy@pairs.example", "dee@pairs.example");
        CountDownLatch go = new CountDownLatch(people.size());
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            List<Future<Set<String>>> won = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                won.add(pool.submit(grabAll(i % 2 == 0 ? onFirst : onSecond, ids, people.get(i), go)));
            }
            java.util.Map<String, Integer> holders = new java.util.HashMap<>();
            for (Future<Set<String>> f : won) {
                f.get().forEach(id -> holders.merge(id, 1, Integer::sum));
            }
            // Four people, twenty tasks of two seats: every task ends with exactly two holders.
            for (String id : ids) {
                assertThat(holders.get(id)).as(id).isEqualTo(2);
                assertThat(onSecond.running(account.accountId()).stream()
                                .filter(l -> l.taskId().equals(id))
                                .map(Reservations.Lease::email)
                                .distinct()
                                .count())
                        .isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
