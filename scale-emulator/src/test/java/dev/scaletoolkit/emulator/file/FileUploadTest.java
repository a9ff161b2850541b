package dev.scaletoolkit.emulator.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FileUploadTest {
    // The start of a real PNG: signature and IHDR chunk.
    private static final byte[] PNG =
            HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
    private static final long LIMIT = 80L * 1024 * 1024;

    static TestEmulator scale;
    static Http http;
    static FileApi files;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
        http = new Http(scale.baseUrl(), scale.account().liveKey());
        files = new FileApi(http);
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @Test
    void uploadReturnsTheFileWithEveryFieldItWasGiven() throws Exception {
        Http.Resp r = files.upload(new Multipart()
                .field("project_name", "street_scenes")
                .field("display_name", "Front camera, frame 1")
                .field("reference_id", "frame-0001")
                .field("metadata", "{\"camera\":\"front\",\"frame\":1}")
                .file("file", "frame1.png", "image/png", PNG));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "files/file.json");
        String id = r.json().path("id").asString();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(r.json().path("attachment_url").asString())
                .isEqualTo("scaledata://" + scale.account().accountId() + "/" + id);
        assertThat(r.json().path("size").asLong()).isEqualTo(PNG.length);
        assertThat(r.json().path("mime_type").asString()).isEqualTo("image/png");
        assertThat(r.json().path("project_names").get(0).asString()).isEqualTo("street_scenes");
        assertThat(r.json().path("display_name").asString()).isEqualTo("Front camera, frame 1");
        assertThat(r.json().path("reference_id").asString()).isEqualTo("frame-0001");
        assertThat(r.json().path("metadata").path("frame").asInt()).isEqualTo(1);

        Http.Resp again = files.get("/v1/files/" + id);
        assertThat(again.json()).isEqualTo(r.json());
        HttpResponse<byte[]> content = rawGet("/v1/files/" + id + "/content");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(PNG);
        assertThat(content.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    }

    @Test
    void identicalContentIsStoredOnceOnDisk() throws Exception {
        byte[] bytes = "the same bytes, twice".getBytes(StandardCharsets.UTF_8);
        Http.Resp first = files.upload(new Multipart().file("file", "a.txt", "text/plain", bytes));
        Http.Resp second = files.upload(new Multipart().file("file", "b.txt", "text/plain", bytes));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("id").asString())
                .isNotEqualTo(first.json().path("id").asString());
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path blob =
                scale.dataDir().resolve("files").resolve(sha.substring(0, 2)).resolve(sha);
        assertThat(blob).hasBinaryContent(bytes);
        assertThat(storedBlobs())
                .filteredOn(p -> p.getFileName().toString().equals(sha))
                .hasSize(1);
    }

    @Test
    void aReusedReferenceIdIs409InTheSameWorldOnly() {
        Multipart form = new Multipart()
                .field("reference_id", "ref-dup")
                .file("file", "x.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8));
        assertThat(files.upload(form).status()).isEqualTo(200);

        Http.Resp dup = files.upload(new Multipart()
                .field("reference_id", "ref-dup")
                .file("file", "y.txt", "text/plain", "two".getBytes(StandardCharsets.UTF_8)));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("status_code").asInt()).isEqualTo(409);
        assertThat(dup.error()).contains("ref-dup");

        Http testWorld = new Http(scale.baseUrl(), scale.account().testKey());
        assertThat(new FileApi(testWorld).upload(form).status()).isEqualTo(200);
        var other = scale.newAccount("Other Co", "other@example.com");
        assertThat(new FileApi(new Http(scale.baseUrl(), other.liveKey()))
                        .upload(form)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void missingFilePartIs400NamingFile() {
        Http.Resp r = files.upload(new Multipart().field("project_name", "p"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("\"file\"");
    }

    @Test
    void metadataThatIsNotAJsonObjectIs400NamingMetadata() {
        for (String bad : List.of("not json", "[1,2]", "\"text\"")) {
            Http.Resp r = files.upload(new Multipart()
                    .field("metadata", bad)
                    .file("file", "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.error()).as(bad).contains("\"metadata\"").contains("JSON object");
        }
    }

    @Test
    void aJsonBodyOrABrokenFormIs400() {
        Http.Resp json = http.post("/v1/files/upload", "{\"file\":\"x\"}");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.error()).contains("multipart/form-data");

        Http.Resp broken = http.send(http.builder("/v1/files/upload")
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("this is not a multipart body")));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("status_code").asInt()).isEqualTo(400);
    }

    @Test
    void mimeTypeComesFromTheNameWhenThePartDeclaresNone() {
        Http.Resp r = files.upload(new Multipart().file("file", "scan.pdf", null, "%PDF-1.4".getBytes()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("mime_type").asString()).isEqualTo("application/pdf");
    }

    @Test
    void anUploadOver80MbIs413AndKeepsNothing() throws IOException {
        long size = LIMIT + 1;
        Multipart form = new Multipart()
                .field("project_name", "too_big")
                .file("file", "big.bin", "application/octet-stream", size, () -> Multipart.generated(size));

        // Chunked: the limit is found while streaming.
        Http.Resp chunked = http.send(http.builder("/v1/files/upload")
                .header("Content-Type", form.contentType())
                .POST(form.chunkedPublisher()));
        // With Content-Length: the parser stops at the part's limit.
        Http.Resp sized = files.upload(form);

        for (Http.Resp r : List.of(chunked, sized)) {
            assertThat(r.status()).as(r.text()).isEqualTo(413);
            assertThat(r.json().path("status_code").asInt()).isEqualTo(413);
            assertThat(r.error()).contains("80 MB");
        }
        assertThat(files.get("/v1/files?project=too_big").json().path("docs")).isEmpty();
        assertThat(storedBlobs()).allSatisfy(p -> assertThat(Files.size(p)).isLessThanOrEqualTo(LIMIT));
    }

    @Test
    void aDeclaredBodyFarOverTheLimitIs413() {
        long size = LIMIT + 5 * 1024 * 1024;
        Multipart form = new Multipart().file("file", "big.bin", null, size, () -> Multipart.generated(size));
        Http.Resp r = files.upload(form);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(413);
    }

    private static HttpResponse<byte[]> rawGet(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(http.builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Path> storedBlobs() throws IOException {
        Path root = scale.dataDir().resolve("files");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals("tmp"))
                    .toList();
        }
    }
}
