package dev.scaletoolkit.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.EmulatorMain;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every write the emulator acknowledged with a 200 is still there after the process is killed with SIGKILL (no
 * shutdown hook, no flush) in the middle of a stream of writes, and restarted on the same data directory.
 */
class CrashDurabilityTest {
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

    private record Written(String email, String liveKey) {}

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Path dir = Files.createTempDirectory("scale-emulator-crash");
        Process child = startChild(dir);
        List<Written> acknowledged = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        try {
            int port = awaitPort(child);
            Http admin = new Http("http://127.0.0.1:" + port, null);
            AtomicBoolean stop = new AtomicBoolean();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread t = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String email = "writer" + writer + "-" + i + "@crash.example";
                        String key = "live_crash_" + writer + "_" + i;
                        Http.Resp r;
                        try {
                            r = admin.post(
                                    "/_emulator/seed",
                                    "{\"accounts\": [{\"name\": \"Crash " + writer + "/" + i + "\", \"email\": \""
                                            + email + "\", \"live_key\": \"" + key + "\"}]}");
                        } catch (RuntimeException connectionLost) {
                            return; // the server is gone
                        }
                        if (r.status() == 200) {
                            acknowledged.add(new Written(email, key));
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                writers.add(t);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
        } finally {
            child.destroyForcibly(); // SIGKILL on POSIX: the JVM gets no chance to close anything
            child.waitFor(30, TimeUnit.SECONDS);
        }
        for (Thread t : writers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(child.isAlive()).isFalse();

        Files.deleteIfExists(stderrLog(dir));
        EmulatorConfig config =
                TestEmulator.defaults(dir).workforceEnabled(false).build();
        try (TestEmulator restarted = TestEmulator.start(config, true)) {
            Set<String> emails = new HashSet<>();
            JsonNode docs = new Http(restarted.baseUrl(), null)
                    .get("/_emulator/accounts")
                    .json()
                    .get("docs");
            docs.forEach(d -> emails.add(d.get("email").asString()));
            for (Written w : acknowledged) {
                assertThat(emails).as("account acknowledged before the kill").contains(w.email());
                int status = new Http(restarted.baseUrl(), w.liveKey())
                        .get("/v1/no-such-resource")
                        .status();
                assertThat(status)
                        .as("key acknowledged before the kill still authenticates")
                        .isEqualTo(404);
            }
        }
    }

    private static Process startChild(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "--port",
                "0",
                "--data",
                dir.toString(),
                "--no-workforce");
        return new ProcessBuilder(command)
                .redirectError(stderrLog(dir).toFile())
                .start();
    }

    private static Path stderrLog(Path dir) {
        return dir.resolveSibling(dir.getFileName() + "-stderr.log");
    }

    /** Reads the child's output up to {@code Listening on port: N}; the key lines before it are not echoed. */
    private static int awaitPort(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("Listening on port: ")) {
                        return Integer.parseInt(
                                line.substring("Listening on port: ".length()).trim());
                    }
                }
                throw new IllegalStateException("the emulator exited before listening");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return port.get(120, TimeUnit.SECONDS);
    }
}
