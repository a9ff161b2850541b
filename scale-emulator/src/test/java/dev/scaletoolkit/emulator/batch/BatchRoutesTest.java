package dev.scaletoolkit.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchRoutesTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    static TestEmulator scale;
    static Http live;
    static Http test;
    static Caller liveCaller;
    static String standard;
    static String rapid;
    static String studio;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
        live = new Http(scale.baseUrl(), scale.account().liveKey());
        test = new Http(scale.baseUrl(), scale.account().testKey());
        liveCaller = new Caller(scale.account().accountId(), false);
        standard = project(live, "standard_p", "");
        rapid = project(live, "rapid_p", ", \"rapid\": true");
        studio = project(live, "studio_p", ", \"studio\": true");
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    static String project(Http http, String name, String extra) {
        Http.Resp r =
                http.post("/v1/projects", "{\"name\": \"" + name + "\", \"type\": \"categorization\"" + extra + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return name;
    }

    static String unique(String prefix) {
        return prefix + "_" + SEQ.incrementAndGet();
    }

    static Http.Resp batch(Http http, String project, String name, String extra) {
        return http.post(
                "/v1/batches",
                "{\"project\": \"" + project + "\", \"name\": \"" + name + "\"" + (extra.isEmpty() ? "" : ", " + extra)
                        + "}");
    }

    static String path(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void batchInAStandardProjectStartsInProgress() {
        String name = unique("july");
        Http.Resp r = batch(
                live,
                standard,
                name,
                "\"callback\": \"https://hooks.example.org/b\", \"metadata\": {\"camera\": \"harbour-3\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "batches/batch.json");
        assertThat(r.json().path("status").asString()).isEqualTo("in_progress");
        assertThat(r.json().path("project").asString()).isEqualTo(standard);
        assertThat(r.json().path("metadata").path("camera").asString()).isEqualTo("harbour-3");
        assertThat(r.json().path("calibration_batch").asBoolean()).isFalse();
        assertThat(r.json().has("completed_at")).isFalse();

        Http.Resp read = live.get("/v1/batches/" + path(name));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(r.json());
    }

    @Test
    void testModeBatchInAStandardProjectIsInProgressToo() {
        project(test, "standard_p", "");
        Http.Resp r = batch(test, "standard_p", unique("testmode"), "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("in_progress");
    }

    @Test
    void rapidAndStudioBatchesStageUntilFinalized() {
        for (String project : new String[] {rapid, studio}) {
            String name = unique("staged");
            Http.Resp r = batch(live, project, name, "\"calibration_batch\": true, \"self_label_batch\": \"True\"");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            Fixtures.assertShape(r.json(), "batches/batch_staging.json");
            assertThat(r.json().path("status").asString()).isEqualTo("staging");
            assertThat(r.json().path("calibration_batch").asBoolean()).isTrue();
            assertThat(r.json().path("self_label_batch").asBoolean()).isTrue();

            Http.Resp fin = live.post("/v1/batches/" + path(name) + "/finalize", null);
            assertThat(fin.status()).isEqualTo(200);
            Fixtures.assertShape(fin.json(), "batches/batch_staging.json");
            assertThat(fin.json().path("status").asString()).isEqualTo("in_progress");
            assertThat(live.get("/v1/batches/" + path(name))
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("in_progress");
        }
    }

    @Test
    void finalizingANonStagingBatchChangesNothing() {
        String name = unique("enterprise");
        Http.Resp created = batch(live, standard, name, "");
        Http.Resp fin = live.post("/v1/batches/" + path(name) + "/finalize", "");
        assertThat(fin.status()).isEqualTo(200);
        assertThat(fin.json()).isEqualTo(created.json());
        Http.Resp again = live.post("/v1/batches/" + path(name) + "/finalize", null);
        assertThat(again.json()).isEqualTo(created.json());
    }

    @Test
    void finalizingABatchWhoseTasksAreAllDoneCompletesItAndQueuesItsCallback() {
        String name = unique("done_early");
        batch(live, rapid, name, "\"callback\": \"https://hooks.example.org/done\"");
        TaskRows.insert(scale, liveCaller, rapid, name, "completed");
        TaskRows.insert(scale, liveCaller, rapid, name, "canceled");

        Http.Resp fin = live.post("/v1/batches/" + path(name) + "/finalize", null);
        assertThat(fin.status()).isEqualTo(200);
        Fixtures.assertShape(fin.json(), "batches/batch_completed.json");
        assertThat(fin.json().path("status").asString()).isEqualTo("completed");
        String url = scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT url FROM callbacks WHERE batch_name = :b")
                        .bind("b", name)
                        .mapTo(String.class)
                        .one());
        assertThat(url).isEqualTo("https://hooks.example.org/done");
    }

    @Test
    void duplicateNamesAre409AcrossProjectsButNotAcrossModesOrAccounts() {
        String name = unique("dup");
        assertThat(batch(live, standard, name, "").status()).isEqualTo(200);
        Http.Resp dup = batch(live, rapid, name, "");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("status_code").asInt()).isEqualTo(409);
        assertThat(dup.error()).contains(name);

        project(test, "dup_home", "");
        assertThat(batch(test, "dup_home", name, "").status()).isEqualTo(200);
        Accounts.NewAccount other = scale.newAccount("Other Batches", "other@batch.example");
        Http otherLive = new Http(scale.baseUrl(), other.liveKey());
        project(otherLive, "theirs", "");
        assertThat(batch(otherLive, "theirs", name, "").status()).isEqualTo(200);
    }

    @Test
    void badCreateBodiesAre400NamingTheField() {
        assertBadRequest(live.post("/v1/batches", "{\"name\": \"x\"}"), "\"project\"");
        assertBadRequest(live.post("/v1/batches", "{\"project\": \"" + standard + "\"}"), "\"name\"");
        assertBadRequest(batch(live, standard, unique("b"), "\"callback\": \"not a url\""), "\"callback\"");
        assertBadRequest(batch(live, standard, unique("b"), "\"callback\": \"ftp://x.example\""), "\"callback\"");
        assertBadRequest(batch(live, standard, unique("b"), "\"metadata\": \"x\""), "\"metadata\"");
        assertBadRequest(batch(live, standard, unique("b"), "\"calibration_batch\": 3"), "\"calibration_batch\"");
        assertBadRequest(live.post("/v1/batches", "[]"), "JSON object");
        assertThat(batch(live, standard, unique("mail"), "\"callback\": \"ops@example.org\"")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unknownProjectIs404NamingIt() {
        Http.Resp r = batch(live, "no_such_project", unique("orphan"), "");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("no_such_project");
        Http.Resp fromTest = batch(test, rapid, unique("wrong_mode"), "");
        assertThat(fromTest.status()).isEqualTo(404);
        assertThat(fromTest.error()).contains(rapid);
    }

    @Test
    void unknownBatchIs404OnEveryRoute() {
        String missing = "/v1/batches/no_such_batch";
        for (Http.Resp r : new Http.Resp[] {
            live.get(missing),
            live.get(missing + "/status"),
            live.post(missing + "/finalize", null),
            live.post(missing + "/setMetadata", "{}"),
            live.post(missing + "/prioritize", "{\"priority\": 10}")
        }) {
            assertThat(r.status()).as(r.text()).isEqualTo(404);
            assertThat(r.json().path("status_code").asInt()).isEqualTo(404);
            assertThat(r.error()).contains("no_such_batch");
        }
    }

    @Test
    void statusCountsTheBatchTasksAndOmitsEmptyStatuses() {
        String name = unique("counted");
        batch(live, standard, name, "");
        Http.Resp empty = live.get("/v1/batches/" + path(name) + "/status");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().propertyNames()).containsExactly("status");

        TaskRows.insert(scale, liveCaller, standard, name, "pending");
        TaskRows.insert(scale, liveCaller, standard, name, "pending");
        TaskRows.insert(scale, liveCaller, standard, name, "completed");
        TaskRows.insert(scale, liveCaller, standard, unique("elsewhere"), "completed");
        Http.Resp r = live.get("/v1/batches/" + path(name) + "/status");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "batches/batch_status.json");
        assertThat(r.json().path("status").asString()).isEqualTo("in_progress");
        assertThat(r.json().path("pending").asInt()).isEqualTo(2);
        assertThat(r.json().path("completed").asInt()).isEqualTo(1);
        assertThat(r.json().has("error")).isFalse();
        assertThat(r.json().has("canceled")).isFalse();
    }

    @Test
    void setMetadataReplacesTheWholeObject() {
        String name = unique("meta");
        batch(live, standard, name, "\"metadata\": {\"a\": 1, \"b\": 2}");
        Http.Resp r = live.post("/v1/batches/" + path(name) + "/setMetadata", "{\"c\": \"three\"}");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "batches/batch_staging.json");
        assertThat(r.json().path("metadata").propertyNames()).containsExactly("c");
        assertThat(live.get("/v1/batches/" + path(name))
                        .json()
                        .path("metadata")
                        .path("c")
                        .asString())
                .isEqualTo("three");
        assertBadRequest(live.post("/v1/batches/" + path(name) + "/setMetadata", "[1]"), "JSON object");
    }

    @Test
    void prioritizeStoresThePriority() {
        String name = unique("urgent");
        batch(live, standard, name, "");
        Http.Resp r = live.post("/v1/batches/" + path(name) + "/prioritize", "{\"priority\": 30}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("priority").asInt()).isEqualTo(30);
        assertBadRequest(live.post("/v1/batches/" + path(name) + "/prioritize", "{}"), "\"priority\"");
        assertBadRequest(live.post("/v1/batches/" + path(name) + "/prioritize", "{\"priority\": 101}"), "\"priority\"");
        assertBadRequest(
                live.post("/v1/batches/" + path(name) + "/prioritize", "{\"priority\": \"high\"}"), "\"priority\"");
    }

    @Test
    void percentEncodedBatchNamesAreFound() {
        String name = unique("a bc/def ?&");
        assertThat(batch(live, standard, name, "").status()).isEqualTo(200);
        assertThat(live.get("/v1/batches/" + path(name)).json().path("name").asString())
                .isEqualTo(name);
        assertThat(live.get("/v1/batches/" + path(name) + "/status").status()).isEqualTo(200);
    }

    @Test
    void batchesAreInvisibleAcrossModesAndAccounts() {
        String name = unique("private");
        batch(live, standard, name, "");
        assertThat(test.get("/v1/batches/" + path(name)).status()).isEqualTo(404);
        assertThat(test.get("/v1/batches/" + path(name) + "/status").status()).isEqualTo(404);
        assertThat(names(test.get("/v1/batches?limit=100").json())).doesNotContain(name);
        Accounts.NewAccount other = scale.newAccount("Nosy Batches", "nosy@batch.example");
        Http otherLive = new Http(scale.baseUrl(), other.liveKey());
        assertThat(otherLive.get("/v1/batches/" + path(name)).status()).isEqualTo(404);
        assertThat(otherLive.get("/v1/batches").json().path("totalDocs").asInt())
                .isZero();
        assertThat(otherLive
                        .post("/v1/batches/" + path(name) + "/finalize", null)
                        .status())
                .isEqualTo(404);
    }

    static java.util.List<String> names(JsonNode page) {
        java.util.List<String> out = new java.util.ArrayList<>();
        page.path("docs").forEach(d -> out.add(d.path("name").asString()));
        return out;
    }

    static void assertBadRequest(Http.Resp r, String mention) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(r.error()).contains(mention);
    }
}
