package dev.scaletoolkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;

/**
 * An emulator in a child JVM with a 64 MB heap, for the tests that show a listing larger than the heap is streamed
 * (issue 18): what ran out of memory there would take the workforce down with it, which this child can show and a
 * shared test JVM could not.
 */
public final class SmallHeapEmulator implements AutoCloseable {
    private final Process child;
    private final Path log;
    private final Path data;
    private final String base;
    private final Http live;

    private SmallHeapEmulator(Process child, Path log, Path data, String base, Http live) {
        this.child = child;
        this.log = log;
        this.data = data;
        this.base = base;
        this.live = live;
    }

    /** Starts one on a new data directory under {@code dir} and waits for it to listen. */
    public static SmallHeapEmulator start(Path dir) throws IOException {
        Path log = dir.resolve("emulator.log");
        Path data = dir.resolve("data");
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
                        data.toString(),
                        "--workforce-delay-ms",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .until(() ->
                            !child.isAlive() || line(log, "Listening on port: ").isPresent());
            String base = "http://127.0.0.1:"
                    + line(log, "Listening on port: ")
                            .orElseThrow(() -> new IllegalStateException("the child emulator exited before listening"));
            return new SmallHeapEmulator(
                    child,
                    log,
                    data,
                    base,
                    new Http(base, line(log, "Live API key: ").orElseThrow()));
        } catch (IOException | RuntimeException e) {
            child.destroy();
            throw e;
        }
    }

    /** The demo account's live-key client. */
    public Http live() {
        return live;
    }

    /** The data directory (its SQLite file is {@code scale.db}). */
    public Path data() {
        return data;
    }

    /**
     * Checks the emulator is still whole after the listings: the workforce completes a new task, health is ok, and
     * the log holds no {@code OutOfMemoryError}.
     */
    public void assertWorkforceStillWorks() throws IOException {
        String taskId =
                live.post("/v1/task/categorization", """
                        {"instruction": "Which?", "attachment_type": "text", "attachment": "x",
                         "categories": ["a", "b"]}""").json().path("task_id").asString();
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
    }

    @Override
    public void close() throws InterruptedException {
        child.destroy();
        child.waitFor();
    }

    private static Optional<String> line(Path log, String prefix) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        return Files.readAllLines(log).stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim())
                .findFirst();
    }
}
