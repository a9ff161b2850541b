package dev.scaletoolkit.emulator.store;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Task creates per second over HTTP, SQLite against PostgreSQL, one client thread against eight, measured in one
 * run so the ratios hold on a noisy machine. Run with
 * {@code ./mvnw -B -q test -pl scale-emulator -am -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=StoreThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StoreThroughputBenchmark {
    private static final int WARMUP = 200;
    private static final int CREATES = 1500;

    @Test
    void createsPerSecond() throws Exception {
        double sqlite1;
        double sqlite8;
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            sqlite1 = measure(scale, 1, "s1");
            sqlite8 = measure(scale, 8, "s8");
        }
        double pg1;
        double pg8;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                TestEmulator scale = TestEmulator.start(
                        TestEmulator.defaults(Files.createTempDirectory("scale-bench"))
                                .workforceEnabled(false)
                                .postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                                .build(),
                        true)) {
            pg1 = measure(scale, 1, "p1");
            pg8 = measure(scale, 8, "p8");
        }
        System.out.printf("%nTask creates per second (%d creates, HTTP on loopback, categorization tasks)%n", CREATES);
        System.out.printf(
                "  SQLite      1 thread: %7.0f   8 threads: %7.0f   (8/1 = %.2fx)%n",
                sqlite1, sqlite8, sqlite8 / sqlite1);
        System.out.printf("  PostgreSQL  1 thread: %7.0f   8 threads: %7.0f   (8/1 = %.2fx)%n", pg1, pg8, pg8 / pg1);
        System.out.printf("  SQLite / PostgreSQL:  1 thread %.2fx, 8 threads %.2fx%n%n", sqlite1 / pg1, sqlite8 / pg8);
    }

    private static double measure(TestEmulator scale, int threads, String tag) throws Exception {
        Http api = new Http(scale.baseUrl(), scale.account().liveKey());
        run(api, threads, WARMUP, tag + "-warm");
        long start = System.nanoTime();
        run(api, threads, CREATES, tag);
        return CREATES / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(Http api, int threads, int count, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = """
                    {"instruction": "Pick", "attachment_type": "text", "attachment": "item %d",
                     "categories": ["a", "b"], "unique_id": "%s-%d"}""".formatted(i, tag, i);
            results.add(
                    pool.submit(() -> api.post("/v1/task/categorization", body).status()));
        }
        for (Future<Integer> f : results) {
            if (f.get() != 200) {
                throw new IllegalStateException("a create failed during the benchmark");
            }
        }
        pool.shutdown();
    }
}
