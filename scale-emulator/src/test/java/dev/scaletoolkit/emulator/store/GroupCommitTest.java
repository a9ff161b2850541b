package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.infra.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group commit on SQLite and on PostgreSQL 15: writes queued behind a commit share the next one, a write that
 * breaks a unique rule fails alone, and every caller can read its own write the moment it is answered.
 */
class GroupCommitTest {
    private static EmbeddedPostgres postgres;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Database> opened = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        opened.forEach(Database::close);
    }

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgres");
    }

    private Database open(String backend) throws Exception {
        Database db;
        if (backend.equals("sqlite")) {
            Path dir = Files.createTempDirectory("group-commit");
            db = EmulatorDatabase.sqlite(dir);
        } else {
            db = EmulatorDatabase.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        }
        opened.add(db);
        db.write(h -> h.execute("DROP TABLE IF EXISTS gc_probe"));
        db.write(h -> h.execute("CREATE TABLE gc_probe (id INTEGER PRIMARY KEY, who VARCHAR(40) NOT NULL)"));
        return db;
    }

    /** Starts a write that holds its commit until the returned gate opens, so later writes queue behind it. */
    private CountDownLatch blockFirstWrite(Database db) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        pool.submit(() -> db.write(h -> {
            h.execute("INSERT INTO gc_probe (id, who) VALUES (0, 'first')");
            running.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        running.await();
        return gate;
    }

    private static boolean hasRow(Database db, int id) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM gc_probe WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one())
                == 1;
    }

    private static int rows(Database db) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM gc_probe")
                .mapTo(Integer.class)
                .one());
    }

    private static String who(Database db, int id) {
        return db.read(h -> h.createQuery("SELECT who FROM gc_probe WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
    }

    private Future<Boolean> insertThenRead(Database db, int id, String who) {
        return pool.submit(() -> {
            db.write(h -> h.createUpdate("INSERT INTO gc_probe (id, who) VALUES (:id, :who)")
                    .bind("id", id)
                    .bind("who", who)
                    .execute());
            // answered only after the commit: a fresh connection sees the row at once
            return hasRow(db, id);
        });
    }

    @ParameterizedTest
    @MethodSource("backends")
    void writesQueuedBehindACommitShareTheNextOneAndAreVisibleWhenAnswered(String backend) throws Exception {
        Database db = open(backend);
        long[] before = db.writeCounts();
        CountDownLatch gate = blockFirstWrite(db);
        List<Future<Boolean>> writers = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            writers.add(insertThenRead(db, i, "writer-" + i));
        }
        await().until(() -> db.waitingWrites() == 20);
        gate.countDown();
        for (Future<Boolean> w : writers) {
            assertThat(w.get()).isTrue();
        }
        long[] after = db.writeCounts();
        assertThat(after[1] - before[1]).isEqualTo(21);
        assertThat(after[0] - before[0]).as("commits for 21 writes").isEqualTo(2);
        assertThat(rows(db)).isEqualTo(21);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aWriteThatBreaksAUniqueRuleFailsAloneAndItsNeighboursCommit(String backend) throws Exception {
        Database db = open(backend);
        CountDownLatch gate = blockFirstWrite(db);
        Future<Boolean> a = insertThenRead(db, 7, "a");
        await().until(() -> db.waitingWrites() == 1);
        Future<Boolean> clash = insertThenRead(db, 7, "clash");
        await().until(() -> db.waitingWrites() == 2);
        Future<Boolean> c = insertThenRead(db, 8, "c");
        await().until(() -> db.waitingWrites() == 3);
        gate.countDown();

        assertThat(a.get()).isTrue();
        assertThat(c.get()).isTrue();
        assertThatThrownBy(clash::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnableToExecuteStatementException.class);
        assertThat(who(db, 7)).isEqualTo("a");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aWriteThatThrowsLeavesNothingBehindAndAWriteInsideAWriteJoinsIt(String backend) throws Exception {
        Database db = open(backend);
        assertThatThrownBy(() -> db.write(h -> {
                    h.execute("INSERT INTO gc_probe (id, who) VALUES (1, 'doomed')");
                    throw new IllegalArgumentException("refused late");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused late");
        assertThat(hasRow(db, 1)).isFalse();

        CompletableFuture<Void> nested = CompletableFuture.runAsync(
                () -> db.write(h -> {
                    h.execute("INSERT INTO gc_probe (id, who) VALUES (2, 'outer')");
                    return db.write(inner -> inner.execute("INSERT INTO gc_probe (id, who) VALUES (3, 'inner')"));
                }),
                pool);
        nested.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(hasRow(db, 2)).isTrue();
        assertThat(hasRow(db, 3)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void manyConcurrentWritersAllCommit(String backend) throws Exception {
        Database db = open(backend);
        List<Future<Boolean>> writers = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            writers.add(insertThenRead(db, i, "w"));
        }
        for (Future<Boolean> w : writers) {
            assertThat(w.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(rows(db)).isEqualTo(400);
        await().atMost(Duration.ofSeconds(5)).until(() -> db.waitingWrites() == 0);
    }

    /**
     * Two nodes (two {@link Database}s on one PostgreSQL) whose single writes lock two rows in opposite orders: the
     * database breaks the deadlock by failing one of them, and that write is run again instead of failing its
     * caller (issue 18, Why 7: a completion that lost such a race answered 500).
     */
    @org.junit.jupiter.api.Test
    void aWriteThatLosesADeadlockToAnotherNodeIsRunAgainNotFailed() throws Exception {
        Database one = open("postgres");
        Database two = EmulatorDatabase.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        opened.add(two);
        one.write(h -> h.execute("INSERT INTO gc_probe (id, who) VALUES (1, 'x'), (2, 'y')"));
        CountDownLatch firstHoldsOne = new CountDownLatch(1);
        CountDownLatch secondHoldsTwo = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> one.write(h -> {
            h.execute("UPDATE gc_probe SET who = 'first' WHERE id = 1");
            firstHoldsOne.countDown();
            awaitQuietly(secondHoldsTwo);
            return h.execute("UPDATE gc_probe SET who = 'first' WHERE id = 2");
        }));
        Future<Integer> second = pool.submit(() -> two.write(h -> {
            h.execute("UPDATE gc_probe SET who = 'second' WHERE id = 2");
            secondHoldsTwo.countDown();
            awaitQuietly(firstHoldsOne);
            return h.execute("UPDATE gc_probe SET who = 'second' WHERE id = 1");
        }));
        assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        // Whichever ran again ran last, alone: both rows carry its name.
        assertThat(who(one, 1)).isEqualTo(who(one, 2));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
