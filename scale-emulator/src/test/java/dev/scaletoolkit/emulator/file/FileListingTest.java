package dev.scaletoolkit.emulator.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FileListingTest {
    static TestEmulator scale;
    static FileApi files;
    static final List<String> lidarIds = new ArrayList<>();
    static String frontId;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
        files = new FileApi(new Http(scale.baseUrl(), scale.account().liveKey()));
        for (int i = 0; i < 5; i++) {
            String camera = i == 2 ? "front" : "rear";
            Http.Resp r = files.uploadText(
                    "lidar", "scan " + i, "{\"camera\":\"" + camera + "\",\"index\":" + i + ",\"rig\":{\"id\":7}}");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            lidarIds.add(r.json().path("id").asString());
            if (camera.equals("front")) {
                frontId = r.json().path("id").asString();
            }
        }
        files.uploadText("video", "clip", "{\"camera\":\"front\"}");
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @Test
    void pagesWalkTheProjectNewestFirstWithoutRepeats() {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Resp r = files.get("/v1/files?project=lidar&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            Fixtures.assertShape(r.json(), "files/assets_page.json");
            r.json().path("docs").forEach(seen::add);
            boolean hasMore = r.json().path("has_more").asBoolean();
            cursor = hasMore ? r.json().path("next_cursor").asString() : null;
            if (!hasMore) {
                assertThat(r.json().path("next_cursor").isNull()).isTrue();
            }
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(d -> d.path("id").asString()).containsExactlyInAnyOrderElementsOf(lidarIds);
        List<String> created =
                seen.stream().map(d -> d.path("created_at").asString()).toList();
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aPageBoundaryHoldsWhenNewFilesArriveBetweenCalls() {
        Http.Resp first = files.get("/v1/files?project=boundary&limit=1");
        assertThat(first.json().path("docs")).isEmpty();

        files.uploadText("boundary", "a", null);
        files.uploadText("boundary", "b", null);
        Http.Resp page1 = files.get("/v1/files?project=boundary&limit=1");
        String firstId = page1.json().path("docs").get(0).path("id").asString();
        // Timestamps have millisecond precision: let the clock move past the cursor so the new file is newer.
        String cursorTime = page1.json().path("docs").get(0).path("created_at").asString();
        await().until(() -> scale.emulator().context().now().compareTo(cursorTime) > 0);
        files.uploadText("boundary", "c (newer than the cursor)", null);

        Http.Resp page2 = files.get("/v1/files?project=boundary&limit=1&cursor="
                + page1.json().path("next_cursor").asString());
        assertThat(page2.json().path("docs")).hasSize(1);
        assertThat(page2.json().path("docs").get(0).path("id").asString()).isNotEqualTo(firstId);
        assertThat(page2.json().path("has_more").asBoolean()).isFalse();
    }

    @Test
    void metadataFilterMatchesFilesContainingThePairs() {
        Http.Resp front = files.get("/v1/files?project=lidar&metadata=" + encode("{\"camera\":\"front\"}"));
        assertThat(front.json().path("docs"))
                .extracting(d -> d.path("id").asString())
                .containsExactly(frontId);

        Http.Resp nested = files.get("/v1/files?project=lidar&metadata=" + encode("{\"rig\":{\"id\":7},\"index\":2}"));
        assertThat(nested.json().path("docs"))
                .extracting(d -> d.path("id").asString())
                .containsExactly(frontId);

        Http.Resp everyProject = files.get("/v1/files?metadata=" + encode("{\"camera\":\"front\"}"));
        assertThat(everyProject.json().path("docs")).hasSize(2);

        Http.Resp none = files.get("/v1/files?metadata=" + encode("{\"camera\":\"side\"}"));
        assertThat(none.json().path("docs")).isEmpty();
        assertThat(none.json().path("has_more").asBoolean()).isFalse();
    }

    @Test
    void badQueryParametersAre400NamingThem() {
        Http.Resp metadata = files.get("/v1/files?metadata=" + encode("[1]"));
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.error()).contains("\"metadata\"");

        Http.Resp cursor = files.get("/v1/files?cursor=garbage");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.error()).contains("\"cursor\"");

        Http.Resp limit = files.get("/v1/files?limit=101");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.error()).contains("\"limit\"");
    }

    @Test
    void otherAccountsAndTheTestWorldSeeNoneOfTheseFiles() {
        var other = scale.newAccount("Other Co", "other@example.com");
        FileApi otherFiles = new FileApi(new Http(scale.baseUrl(), other.liveKey()));
        FileApi testWorld =
                new FileApi(new Http(scale.baseUrl(), scale.account().testKey()));

        for (FileApi outsider : List.of(otherFiles, testWorld)) {
            assertThat(outsider.get("/v1/files?project=lidar").json().path("docs"))
                    .isEmpty();
            assertThat(outsider.get("/v1/files").json().path("docs")).isEmpty();
            assertThat(outsider.get("/v1/files/" + frontId).status()).isEqualTo(404);
            assertThat(outsider.get("/v1/files/" + frontId + "/content").status())
                    .isEqualTo(404);
        }
        assertThat(files.get("/v1/files/" + frontId).status()).isEqualTo(200);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
