package dev.scaletoolkit.emulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.LogCapture;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tests read back what their integration sent: the journal lists /v1 requests, without secrets, newest first. */
class RequestJournalTest {
    private TestEmulator scale;
    private Http api;
    private Http admin;

    @BeforeEach
    void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        api = new Http(scale.baseUrl(), scale.account().liveKey());
        admin = new Http(scale.baseUrl(), null);
    }

    @AfterEach
    void stop() {
        scale.close();
    }

    private JsonNode requests(String query) {
        Http.Resp r = admin.get("/_emulator/requests" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    @Test
    void listsRequestsNewestFirstWithBodiesStatusAndNoSecrets() {
        api.post("/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"street\", \"api_key\": \"hunter2\"}");
        api.post("/v1/batches", "{\"project\": \"nope\", \"name\": \"b1\"}");
        api.get("/v1/projects?limit=5");

        JsonNode docs = requests("").get("docs");
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).path("method").asString()).isEqualTo("GET");
        assertThat(docs.get(0).path("path").asString()).isEqualTo("/v1/projects");
        assertThat(docs.get(0).path("query").asString()).isEqualTo("limit=5");
        assertThat(docs.get(0).path("response_body").isArray()).isTrue();
        JsonNode failed = docs.get(1);
        assertThat(failed.path("status").asInt()).isEqualTo(404);
        assertThat(failed.path("request_body").path("project").asString()).isEqualTo("nope");
        assertThat(failed.path("response_body").path("status_code").asInt()).isEqualTo(404);
        assertThat(failed.path("request_id").asString()).isNotBlank();
        JsonNode created = docs.get(2);
        assertThat(created.path("status").asInt()).isEqualTo(200);
        assertThat(created.path("request_body").path("name").asString()).isEqualTo("street");
        assertThat(created.path("request_body").path("api_key").asString()).isEqualTo("[redacted]");
        assertThat(created.path("latency_ms").asLong()).isNotNegative();

        String all = docs.toString();
        assertThat(all).doesNotContain(scale.account().liveKey()).doesNotContain("hunter2");
        assertThat(all).doesNotContainIgnoringCase("authorization");
    }

    /**
     * Issue 18, Why 4: agent tokens and webhook secrets inside values stayed in the journal, while ordinary names
     * that start like a key were hidden. Every issued secret shape is hidden wherever it appears, and only those.
     */
    @Test
    void secretsOfEveryIssuedShapeAreHiddenInsideValuesAndOrdinaryNamesStay() {
        String agentToken = "sgt_abcdEFGH23.abcdefghijkmnpqrstuvwxyzABCDEFGH";
        String webhookSecret = "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012-_9";
        String confirmation = "scf_abcdefghijkmnpqrstuvwxyzABCDEFGH";
        String callbackKey = "cbk_0123456789abcdef0123456789abcdef";
        String instruction = "Agents use " + agentToken + ", webhooks sign with " + webhookSecret + ", confirm with "
                + confirmation + ", callbacks carry " + callbackKey + " and the key "
                + scale.account().testKey()
                + "; send Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345";
        api.post("/v1/projects", """
                {"type": "categorization", "name": "test_datasets7wd", "params": {"instruction": "%s"},
                 "password": "hunter2"}""".formatted(instruction));
        api.get("/v1/tasks?project=test_datasets7wd&token=plainsecret123&callback_auth=abc");
        api.send(api.builder("/v1/batches")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "project=test_datasets7wd&name=b&password=hunter3")));

        String all = requests("").toString();
        assertThat(all)
                .doesNotContain(agentToken)
                .doesNotContain(webhookSecret)
                .doesNotContain(confirmation)
                .doesNotContain(callbackKey)
                .doesNotContain(scale.account().testKey())
                .doesNotContain("abcdefghijklmnopqrstuvwxyz012345")
                .doesNotContain("hunter2")
                .doesNotContain("hunter3")
                .doesNotContain("plainsecret123")
                .contains("sgt_[redacted]")
                .contains("whsec_[redacted]")
                .contains("token=[redacted]");
        assertThat(all).contains("test_datasets7wd").contains("Agents use");
    }

    @Test
    void filtersAndPagesWithACursor() {
        for (int i = 0; i < 5; i++) {
            api.get("/v1/projects");
        }
        api.get("/v1/batches/missing");
        Instant afterAll = Instant.now().plusSeconds(1);

        assertThat(requests("?status=4").get("docs")).hasSize(1);
        assertThat(requests("?path_prefix=/v1/projects").get("docs")).hasSize(5);
        assertThat(requests("?method=post").get("docs")).isEmpty();
        assertThat(requests("?since=" + afterAll).get("docs")).isEmpty();

        JsonNode first = requests("?limit=4");
        assertThat(first.get("docs")).hasSize(4);
        String cursor = first.path("next_cursor").asString();
        JsonNode second = requests("?limit=4&cursor=" + cursor);
        assertThat(second.get("docs")).hasSize(2);
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(second.get("docs").get(0).path("seq").asLong())
                .isLessThan(first.get("docs").get(3).path("seq").asLong());

        assertThat(admin.get("/_emulator/requests?status=lots").status()).isEqualTo(400);
        assertThat(admin.get("/_emulator/requests?cursor=abc").status()).isEqualTo(400);
    }

    @Test
    void deleteClearsIt() {
        api.get("/v1/projects");
        assertThat(admin.delete("/_emulator/requests", null).status()).isEqualTo(200);
        assertThat(requests("").get("docs")).isEmpty();
    }

    @Test
    void itIsBoundedInEntriesAndBytes() {
        RequestJournal small = new RequestJournal(3, 10_000);
        for (int i = 0; i < 5; i++) {
            small.add(new JournalEntry(0, "r" + i, Instant.now(), "GET", "/v1/x", null, 200, 1, null, null));
        }
        List<JournalEntry> kept = small.list(new RequestJournal.Query(null, null, null, null, null, null, 10))
                .entries();
        assertThat(kept).extracting(JournalEntry::requestId).containsExactly("r4", "r3", "r2");

        small.add(new JournalEntry(0, "big", Instant.now(), "POST", "/v1/x", null, 200, 1, "x".repeat(6_000), null));
        assertThat(small.list(new RequestJournal.Query(null, null, null, null, null, null, 10))
                        .entries())
                .extracting(JournalEntry::requestId)
                .containsExactly("big");
    }

    @Test
    void aFailedRequestLogsOneLineWithItsIdAndNoStackTrace() {
        try (LogCapture logs = new LogCapture()) {
            Http.Resp r = api.post("/v1/batches", "{\"project\": 5}");
            assertThat(r.status()).isEqualTo(400);
            String id = r.raw().headers().firstValue("X-Request-Id").orElseThrow();
            List<ILoggingEvent> lines = logs.events().stream()
                    .filter(e -> e.getFormattedMessage().contains(id))
                    .toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).getFormattedMessage())
                    .contains("POST /v1/batches -> 400")
                    .contains("\"project\"");
            assertThat(logs.withStackTraces()).isEmpty();
        }
    }
}
