package dev.scaletoolkit.emulator.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.EmulatorMain;
import dev.scaletoolkit.emulator.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Path log = dir.resolve("emulator.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmulatorMain.class.getName(),
                        "--port",
                        "0",
                        "--data",
                        dir.resolve("data").toString(),
                        "--workforce-delay-ms",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> line(log, "Listening on port: ").isPresent());
            String base = "http://127.0.0.1:" + line(log, "Listening on port: ").orElseThrow();
            Http live = new Http(base, line(log, "Live API key: ").orElseThrow());

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

            String taskId = live.post("/v1/task/categorization", """
                            {"instruction": "Which?", "attachment_type": "text", "attachment": "x",
                             "categories": ["a", "b"]}""")
                    .json()
                    .path("task_id")
                    .asString();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> live.get("/v1/task/" + taskId)
                            .json()
                            .path("status")
                            .asString()
                            .equals("completed"));
            assertThat(new Http(base, null)
                            .get("/_emulator/health")
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("ok");
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            pool.shutdownNow();
            child.destroy();
            child.waitFor();
        }
    }

    private static Optional<String> line(Path log, String prefix) throws java.io.IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        return Files.readAllLines(log).stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim())
                .findFirst();
    }
}
