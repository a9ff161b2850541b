package dev.scaletoolkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.infra.net.AddressForms;
import dev.scaletoolkit.infra.net.AddressKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Task callbacks, batch callbacks and URL imports pass one outbound-address policy: every spelling in the shared
 * table is judged alike on all three paths, at create, before any lookup. One emulator allows nothing but public
 * addresses ({@code allowHosts} empty); the default one (on loopback) also allows loopback, never its own port.
 */
class OutboundPathsTest {
    private static final String TASK = "{\"project\": \"p1\", \"attachment\": \"https://example.com/a.jpg\","
            + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}, \"callback_url\": \"%s\"}";
    private static TestEmulator strict;
    private static TestEmulator local;
    private static Http strictApi;
    private static Http localApi;

    @BeforeAll
    static void start() {
        strict = TestEmulator.start(b -> b.workforceEnabled(false).allowHosts(List.of()));
        local = TestEmulator.start(b -> b.workforceEnabled(false));
        strictApi = new Http(strict.baseUrl(), strict.account().liveKey());
        localApi = new Http(local.baseUrl(), local.account().liveKey());
        strictApi.post("/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"p1\"}");
        localApi.post("/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"p1\"}");
    }

    @AfterAll
    static void stop() {
        strict.close();
        local.close();
    }

    static Stream<AddressForms.Form> forms() {
        return AddressForms.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyPathJudgesEverySpellingAlike(AddressForms.Form form) {
        String url = form.url("http", 8080, "/x");
        int expected = form.refused() ? 400 : 200;
        assertThat(paths(strictApi, url)).as(url).containsOnly(expected);
        // a spelling java.net.URI cannot read a host from (127.1, hex parts) is refused whatever is allowed
        boolean unreadable = java.net.URI.create(url).getHost() == null;
        int locally = unreadable || (form.refused() && form.kind() != AddressKind.LOOPBACK) ? 400 : 200;
        assertThat(paths(localApi, url)).as(url).containsOnly(locally);
    }

    /** The status of a task create, a batch create and an import naming {@code url}. */
    private static List<Integer> paths(Http api, String url) {
        Http.Resp task = api.post("/v1/task/imageannotation", TASK.formatted(url));
        Http.Resp batch = api.post(
                "/v1/batches",
                "{\"project\": \"p1\", \"name\": \"b-" + Integer.toHexString(url.hashCode()) + "-" + System.nanoTime()
                        + "\", \"callback\": \"" + url + "\"}");
        Http.Resp file = api.post("/v1/files/import", "{\"file_url\": \"" + url + "\"}");
        for (Http.Resp r : List.of(task, batch, file)) {
            if (r.status() == 400) {
                assertThat(r.error()).as(url).containsAnyOf("callback", "file_url");
            }
        }
        return List.of(task.status(), batch.status(), file.status());
    }

    @Test
    void theEmulatorNeverFetchesItsOwnControlPlane() {
        for (String host : List.of("127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433")) {
            String url = "http://" + host + ":" + local.emulator().port() + "/_emulator/health";
            Http.Resp r = localApi.post("/v1/files/import", "{\"file_url\": \"" + url + "\"}");
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.error()).contains("own address");
        }
    }

    @Test
    void aPortOutOfRangeIsAClear400AtRequestTime() {
        Http.Resp r = localApi.post("/v1/files/import", "{\"file_url\": \"http://example.com:99999/a.png\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("\"file_url\"").contains("port 99999").doesNotContain("RuntimeException");
        Http.Resp task = localApi.post("/v1/task/imageannotation", TASK.formatted("http://example.com:99999/hook"));
        assertThat(task.status()).isEqualTo(400);
        assertThat(task.error()).contains("port 99999");
    }

    @Test
    void theSixToFourMetadataFormIsRefusedForCallbacksAndImports() {
        assertThat(paths(localApi, "http://[2002:a9fe:a9fe::]/latest/meta-data/"))
                .containsOnly(400);
    }
}
