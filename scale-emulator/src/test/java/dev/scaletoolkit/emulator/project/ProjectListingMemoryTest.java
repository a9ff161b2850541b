package dev.scaletoolkit.emulator.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.SmallHeapEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 1, scaled down: projects whose instructions add up to more than the heap, listed four times at
 * once by an emulator in a child JVM with a 64 MB heap. Built in memory, the listing ran out of heap (500s, and
 * the workforce thread died with it); streamed from the database, every listing answers and the workforce still
 * completes a live task afterwards.
 */
class ProjectListingMemoryTest {
    private static final int PROJECTS = 40;
    private static final int INSTRUCTION_CHARS = 900_000;

    @Test
    void listingProjectsLargerThanTheHeapAnswersAndTheWorkforceKeepsWorking() throws Exception {
        Path dir = Files.createTempDirectory("listing-memory");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SmallHeapEmulator emulator = SmallHeapEmulator.start(dir)) {
            Http live = emulator.live();

            String instruction = "x".repeat(INSTRUCTION_CHARS);
            for (int i = 0; i < PROJECTS; i++) {
                Http.Resp r = live.post("/v1/projects", """
                        {"type": "categorization", "name": "big_%d", "params": {"instruction": "%s"}}""".formatted(i, instruction));
                assertThat(r.status()).as(r.text()).isEqualTo(200);
            }

            List<Future<Http.Resp>> listings = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                listings.add(pool.submit(() -> live.get("/v1/projects")));
            }
            for (Future<Http.Resp> f : listings) {
                Http.Resp r = f.get();
                assertThat(r.status()).as("listing answered %s", r.status()).isEqualTo(200);
                assertThat(r.json().size()).isEqualTo(PROJECTS);
            }

            emulator.assertWorkforceStillWorks();
        } finally {
            pool.shutdownNow();
        }
    }
}
