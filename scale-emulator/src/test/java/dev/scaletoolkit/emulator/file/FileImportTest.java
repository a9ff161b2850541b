package dev.scaletoolkit.emulator.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FileImportTest {
    private static final byte[] IMAGE = "pretend these are the bytes of an image".getBytes(StandardCharsets.UTF_8);

    static TestEmulator scale;
    static FileApi files;
    static HttpServer origin;
    static String originUrl;
    static final CountDownLatch releaseSlow = new CountDownLatch(1);
    static final AtomicInteger metadataHits = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        scale = TestEmulator.start();
        files = new FileApi(new Http(scale.baseUrl(), scale.account().liveKey()));
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/image.png", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, IMAGE.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(IMAGE);
            }
        });
        origin.createContext("/slow.png", ex -> {
            try {
                releaseSlow.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, IMAGE.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(IMAGE);
            }
        });
        origin.createContext("/hop", ex -> redirect(ex, "/image.png"));
        origin.createContext("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        origin.createContext("/loop", ex -> redirect(ex, "/loop"));
        origin.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        origin.createContext("/huge", ex -> {
            // Chunked, so the size shows only while streaming.
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody();
                    InputStream in = Multipart.generated(80L * 1024 * 1024 + 64 * 1024)) {
                in.transferTo(out);
            } catch (IOException clientStopped) {
                // expected: the fetcher hangs up at the limit
            }
        });
        origin.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        origin.start();
        originUrl = "http://127.0.0.1:" + origin.getAddress().getPort();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    @AfterAll
    static void stop() {
        releaseSlow.countDown();
        origin.stop(0);
        scale.close();
    }

    @Test
    void importAnswersAtOnceAndTheBytesArriveInTheBackground() {
        Http.Resp r = files.importUrl("{\"file_url\":\"" + originUrl + "/slow.png\",\"project_name\":\"imports\","
                + "\"reference_id\":\"slow-1\",\"metadata\":{\"source\":\"local\"}}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("state").asString()).isEqualTo("fetching");
        assertThat(r.json().has("size")).isFalse();
        assertThat(r.json().path("reference_id").asString()).isEqualTo("slow-1");
        assertThat(r.json().path("metadata").path("source").asString()).isEqualTo("local");
        String id = r.json().path("id").asString();

        releaseSlow.countDown();
        JsonNode stored = awaitState(id, "stored");
        Fixtures.assertShape(stored, "files/file.json");
        assertThat(stored.path("size").asLong()).isEqualTo(IMAGE.length);
        assertThat(stored.path("mime_type").asString()).isEqualTo("image/png");
        assertThat(files.get("/v1/files/" + id + "/content").text())
                .isEqualTo(new String(IMAGE, StandardCharsets.UTF_8));
    }

    @Test
    void redirectsOnAnAllowedHostAreFollowed() {
        String id = importOk(originUrl + "/hop");
        JsonNode stored = awaitState(id, "stored");
        assertThat(stored.path("size").asLong()).isEqualTo(IMAGE.length);
        assertThat(stored.path("mime_type").asString()).isEqualTo("image/png");
    }

    @Test
    void metadataAndLinkLocalUrlsAreRefusedWith400AndNeverQueued() {
        for (String url : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.10.1/x",
                "http://[fe80::1]/x",
                "http://[fd00:ec2::254]/latest",
                "http://0.0.0.0:8080/x",
                "http://224.0.0.1/x",
                "http://metadata.google.internal/computeMetadata/v1/")) {
            Http.Resp r = files.importUrl("{\"file_url\":\"" + url + "\",\"project_name\":\"refused\"}");
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.error()).as(url).contains("\"file_url\"");
        }
        assertThat(files.get("/v1/files?project=refused").json().path("docs")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/a.png", "not a url", "/relative.png")) {
            Http.Resp r = files.importUrl("{\"file_url\":\"" + url + "\"}");
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.error()).as(url).contains("\"file_url\"");
        }
        Http.Resp missing = files.importUrl("{\"project_name\":\"p\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).contains("\"file_url\"").contains("required");
    }

    @Test
    void aRedirectToTheMetadataAddressFailsTheImportWithoutFollowingIt() {
        String id = importOk(originUrl + "/to-metadata");
        JsonNode failed = awaitState(id, "failed");
        assertThat(failed.path("failure_reason").asString()).contains("169.254.169.254");
        assertThat(failed.has("size")).isFalse();
    }

    @Test
    void failuresAreRecordedAndTheWorkerKeepsGoing() {
        String missing = importOk(originUrl + "/missing");
        String loop = importOk(originUrl + "/loop");
        String closedPort = importOk("http://127.0.0.1:1/nothing.png");
        String unknownHost = importOk("http://no-such-host.invalid/a.png");

        assertThat(awaitState(missing, "failed").path("failure_reason").asString())
                .contains("404");
        assertThat(awaitState(loop, "failed").path("failure_reason").asString()).contains("redirects");
        assertThat(awaitState(closedPort, "failed").path("failure_reason").asString())
                .isNotBlank();
        assertThat(awaitState(unknownHost, "failed").path("failure_reason").asString())
                .contains("no-such-host.invalid");

        // The worker is still alive after all of that.
        awaitState(importOk(originUrl + "/image.png"), "stored");
    }

    @Test
    void aDownloadOver80MbFailsWhileStreaming() {
        String id = importOk(originUrl + "/huge");
        JsonNode failed = awaitState(id, "failed");
        assertThat(failed.path("failure_reason").asString()).contains("80 MB");
        assertThat(files.get("/v1/files/" + id + "/content").status()).isEqualTo(409);
    }

    @Test
    void aReusedReferenceIdIs409ForImportsToo() {
        String body = "{\"file_url\":\"" + originUrl + "/image.png\",\"reference_id\":\"import-dup\"}";
        assertThat(files.importUrl(body).status()).isEqualTo(200);
        Http.Resp dup = files.importUrl(body);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.error()).contains("import-dup");
    }

    @Test
    void metadataMayBeAJsonStringAsInTheUploadForm() {
        Http.Resp ok = files.importUrl(
                "{\"file_url\":\"" + originUrl + "/image.png\",\"metadata\":\"{\\\"k\\\":\\\"v\\\"}\"}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.json().path("metadata").path("k").asString()).isEqualTo("v");

        Http.Resp bad = files.importUrl("{\"file_url\":\"" + originUrl + "/image.png\",\"metadata\":[1]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("\"metadata\"");
    }

    private static String importOk(String url) {
        Http.Resp r = files.importUrl("{\"file_url\":\"" + url + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("id").asString();
    }

    private static JsonNode awaitState(String id, String state) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> files.get("/v1/files/" + id).json(),
                        j -> state.equals(j.path("state").asString()));
    }
}
