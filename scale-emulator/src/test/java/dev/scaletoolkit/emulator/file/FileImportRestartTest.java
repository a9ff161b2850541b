package dev.scaletoolkit.emulator.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FileImportRestartTest {
    @Test
    void anImportCutOffByAShutdownIsFetchedAfterTheRestart() throws Exception {
        byte[] body = "bytes that arrive after a restart".getBytes(StandardCharsets.UTF_8);
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch firstRequestSeen = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.setExecutor(Executors.newCachedThreadPool());
        origin.createContext("/late.txt", ex -> {
            if (requests.incrementAndGet() == 1) {
                // The first download hangs until the emulator that started it has gone.
                firstRequestSeen.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        origin.start();
        Path dir = Files.createTempDirectory("scale-import-restart");
        EmulatorConfig config = TestEmulator.defaults(dir).build();
        String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/late.txt";
        try {
            String id;
            String key;
            try (TestEmulator first = TestEmulator.start(config, false)) {
                key = first.account().liveKey();
                Http.Resp r = new Http(first.baseUrl(), key).post("/v1/files/import", "{\"file_url\":\"" + url + "\"}");
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                id = r.json().path("id").asString();
                assertThat(firstRequestSeen.await(60, TimeUnit.SECONDS)).isTrue();
            }
            release.countDown();

            try (TestEmulator second = TestEmulator.start(config, true)) {
                Http http = new Http(second.baseUrl(), key);
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> http.get("/v1/files/" + id)
                                        .json()
                                        .path("state")
                                        .asString(),
                                "stored"::equals);
                assertThat(http.get("/v1/files/" + id + "/content").text())
                        .isEqualTo(new String(body, StandardCharsets.UTF_8));
            }
        } finally {
            release.countDown();
            origin.stop(0);
        }
    }
}
