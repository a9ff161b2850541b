package dev.scaletoolkit.emulator.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Audits and training attempts are written by other parts of the emulator; here they are inserted directly. */
class QualityRoutesTest {
    static final String TASK = "5c84d0fe958593004f13e5ba";
    static final String OTHER_TASK = "5c84d0fe958593004f13e5bb";
    static final String QUIZ = "60a9b8c7d6e5f4a3b2c1d0e9";
    static final String OTHER_QUIZ = "60a9b8c7d6e5f4a3b2c1d0ea";

    static TestEmulator scale;
    static Http http;
    static String otherAccount;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
        http = new Http(scale.baseUrl(), scale.account().liveKey());
        String me = scale.account().accountId();
        otherAccount = scale.newAccount("Other Co", "other@example.com").accountId();

        audit(me, 0, "a1", TASK, "accepted", "2024-01-01T10:00:00.000Z", null);
        audit(me, 0, "a2", TASK, "rejected", "2024-01-02T10:00:00.000Z", "Boxes are loose");
        audit(me, 0, "a3", TASK, "fixed", "2024-01-03T10:00:00.000Z", null);
        audit(me, 0, "a4", OTHER_TASK, "accepted", "2024-01-04T10:00:00.000Z", null);
        audit(me, 1, "a5", TASK, "accepted", "2024-01-05T10:00:00.000Z", null);
        audit(otherAccount, 0, "a6", TASK, "accepted", "2024-01-06T10:00:00.000Z", null);

        for (int i = 0; i < 5; i++) {
            attempt(
                    me,
                    0,
                    "q" + i,
                    QUIZ,
                    "labeler" + (i % 2) + "@example.com",
                    "2024-02-0" + (i + 1) + "T08:00:00.000Z");
        }
        attempt(me, 0, "q5", OTHER_QUIZ, "labeler0@example.com", "2024-02-07T08:00:00.000Z");
        attempt(me, 1, "q6", QUIZ, "labeler0@example.com", "2024-02-08T08:00:00.000Z");
        attempt(otherAccount, 0, "q7", QUIZ, "labeler0@example.com", "2024-02-09T08:00:00.000Z");
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @Test
    void auditsOfATaskAreTheFixlessOnesNewestFirst() {
        Http.Resp r = http.get("/v1/audits?task_id=" + TASK);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "audits/audits.json");
        assertThat(ids(r.json())).containsExactly("a2", "a1");
        JsonNode rejected = r.json().path("docs").get(0);
        assertThat(rejected.path("comments").asString()).isEqualTo("Boxes are loose");
        assertThat(r.json().path("docs").get(1).has("comments")).isFalse();
    }

    @Test
    void auditsCanBeChosenByIdAndByBothFilters() {
        assertThat(ids(http.get("/v1/audits?id=a4").json())).containsExactly("a4");
        assertThat(ids(http.get("/v1/audits?id=a1&id=a4").json())).containsExactly("a4", "a1");
        assertThat(ids(http.get("/v1/audits?task_id=" + TASK + "&id=a4").json()))
                .isEmpty();
        assertThat(ids(http.get("/v1/audits?task_id=" + TASK + "&id=a1").json()))
                .containsExactly("a1");
        assertThat(ids(http.get("/v1/audits?task_id=ffffffffffffffffffffffff").json()))
                .isEmpty();
    }

    @Test
    void auditsWithoutAFilterAre400() {
        Http.Resp r = http.get("/v1/audits");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(r.error()).contains("\"task_id\"").contains("\"id\"");
    }

    @Test
    void auditsStayInTheirAccountAndWorld() {
        Http testWorld = new Http(scale.baseUrl(), scale.account().testKey());
        assertThat(ids(testWorld.get("/v1/audits?task_id=" + TASK).json())).containsExactly("a5");
        assertThat(ids(http.get("/v1/audits?id=a6").json())).isEmpty();
    }

    @Test
    void labelerAttemptsPageWithNextToken() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Http.Resp r = http.get("/v1/quality/labelers?quality_task_ids=" + QUIZ + "&limit=2"
                    + (token == null ? "" : "&next_token=" + token));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            Fixtures.assertShape(r.json(), "quality/labelers.json");
            seen.addAll(ids(r.json()));
            token = r.json().path("has_more").asBoolean()
                    ? r.json().path("next_token").asString()
                    : null;
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("q4", "q3", "q2", "q1", "q0");
    }

    @Test
    void labelerAttemptsFilterByEmailsTasksOrBoth() {
        assertThat(ids(http.get("/v1/quality/labelers?labeler_emails=labeler1@example.com")
                        .json()))
                .containsExactly("q3", "q1");
        assertThat(ids(http.get("/v1/quality/labelers?quality_task_ids=" + QUIZ + "&quality_task_ids=" + OTHER_QUIZ
                                + "&labeler_emails=labeler0@example.com")
                        .json()))
                .containsExactly("q5", "q4", "q2", "q0");
        Http.Resp last = http.get("/v1/quality/labelers?quality_task_ids=" + OTHER_QUIZ);
        assertThat(last.json().path("has_more").asBoolean()).isFalse();
        assertThat(last.json().path("next_token").isNull()).isTrue();
    }

    @Test
    void labelerQueriesWithoutAFilterOrWithBadPagingAre400() {
        Http.Resp none = http.get("/v1/quality/labelers?limit=5");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.error()).contains("\"quality_task_ids\"").contains("\"labeler_emails\"");

        Http.Resp token = http.get("/v1/quality/labelers?quality_task_ids=" + QUIZ + "&next_token=nonsense");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.error()).contains("\"next_token\"");

        Http.Resp limit = http.get("/v1/quality/labelers?quality_task_ids=" + QUIZ + "&limit=0");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.error()).contains("\"limit\"");
    }

    @Test
    void labelerAttemptsStayInTheirAccountAndWorld() {
        Http testWorld = new Http(scale.baseUrl(), scale.account().testKey());
        assertThat(ids(testWorld
                        .get("/v1/quality/labelers?quality_task_ids=" + QUIZ)
                        .json()))
                .containsExactly("q6");
        assertThat(ids(http.get("/v1/quality/labelers?quality_task_ids=" + QUIZ).json()))
                .doesNotContain("q6", "q7");
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("docs").forEach(d -> out.add(d.path("id").asString()));
        return out;
    }

    private static void audit(
            String account, int mode, String id, String taskId, String result, String at, String comments) {
        ObjectNode doc = Docs.object();
        doc.put("id", id);
        doc.put("task_id", taskId);
        doc.put("audited_by", "reviewer@example.com");
        doc.put("audited_at", at);
        doc.put("audit_time_secs", 42);
        doc.put("audit_result", result);
        doc.put("audit_source", "customer");
        if (comments != null) {
            doc.put("comments", comments);
        }
        scale.emulator()
                .context()
                .db()
                .write(h -> h.createUpdate("INSERT INTO audits (id, account_id, test_mode,"
                                + " task_id, audit_source, audit_result, audited_at, doc) VALUES (:id, :a, :m, :t,"
                                + " 'customer', :r, :at, :doc)")
                        .bind("id", id)
                        .bind("a", account)
                        .bind("m", mode)
                        .bind("t", taskId)
                        .bind("r", result)
                        .bind("at", at)
                        .bind("doc", Docs.write(doc))
                        .execute());
    }

    private static void attempt(String account, int mode, String id, String quizId, String email, String at) {
        ObjectNode doc = Docs.object();
        doc.put("id", id);
        doc.put("quality_task_id", quizId);
        doc.put("labeler_email", email);
        doc.put("score", 0.9);
        doc.put("passed", true);
        doc.put("created_at", at);
        scale.emulator()
                .context()
                .db()
                .write(h -> h.createUpdate("INSERT INTO quality_attempts (id, account_id,"
                                + " test_mode, quality_task_id, labeler_email, created_at, doc) VALUES (:id, :a, :m, :q,"
                                + " :e, :at, :doc)")
                        .bind("id", id)
                        .bind("a", account)
                        .bind("m", mode)
                        .bind("q", quizId)
                        .bind("e", email)
                        .bind("at", at)
                        .bind("doc", Docs.write(doc))
                        .execute());
    }
}
