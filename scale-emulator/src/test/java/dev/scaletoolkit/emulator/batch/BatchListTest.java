package dev.scaletoolkit.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Listing runs against one account holding five batches with known creation times: b1 (oldest) … b5 (newest),
 * b1–b3 in project "alpha", b4–b5 in the Rapid project "beta".
 */
class BatchListTest {
    static TestEmulator scale;
    static Http http;
    static Caller caller;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start();
        Accounts.NewAccount owner = scale.newAccount("Lister", "lister@batch.example");
        http = new Http(scale.baseUrl(), owner.liveKey());
        caller = new Caller(owner.accountId(), false);
        post("/v1/projects", "{\"name\": \"alpha\", \"type\": \"categorization\"}");
        post("/v1/projects", "{\"name\": \"beta\", \"type\": \"categorization\", \"rapid\": true}");
        for (int i = 1; i <= 5; i++) {
            post("/v1/batches", "{\"project\": \"" + (i <= 3 ? "alpha" : "beta") + "\", \"name\": \"b" + i + "\"}");
            setCreatedAt("b" + i, "2024-01-0" + i + "T12:00:00.000Z");
        }
        // b5 finishes: its only task is done when it is finalized.
        TaskRows.insert(scale, caller, "beta", "b5", "completed");
        post("/v1/batches/b5/finalize", "");
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    static void post(String path, String body) {
        Http.Resp r = http.post(path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    static void setCreatedAt(String batch, String when) {
        scale.emulator().context().db().write(h -> {
            var doc = BatchStore.require(h, caller, batch);
            doc.put("created_at", when);
            h.createUpdate("UPDATE batches SET created_at = :w, doc = :doc WHERE account_id = :a AND test_mode = 0"
                            + " AND name = :n")
                    .bind("w", when)
                    .bind("doc", Docs.write(doc))
                    .bind("a", caller.accountId())
                    .bind("n", batch)
                    .execute();
            return null;
        });
    }

    static List<String> names(Http.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("docs").forEach(d -> out.add(d.path("name").asString()));
        return out;
    }

    @Test
    void defaultPageIsNewestFirstWithTheEnvelope() {
        Http.Resp r = http.get("/v1/batches");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertShape(r.json(), "batches/batch_list.json");
        assertThat(names(r)).containsExactly("b5", "b4", "b3", "b2", "b1");
        assertThat(r.json().path("totalDocs").asInt()).isEqualTo(5);
        assertThat(r.json().path("limit").isInt()).isTrue();
        assertThat(r.json().path("limit").asInt()).isEqualTo(100);
        assertThat(r.json().path("offset").asInt()).isZero();
        assertThat(r.json().path("has_more").asBoolean()).isFalse();
    }

    @Test
    void offsetPagesMeetExactlyAtTheBoundary() {
        Http.Resp first = http.get("/v1/batches?limit=2");
        assertThat(names(first)).containsExactly("b5", "b4");
        assertThat(first.json().path("has_more").asBoolean()).isTrue();
        assertThat(first.json().path("limit").asInt()).isEqualTo(2);

        Http.Resp boundary = http.get("/v1/batches?limit=2&offset=3");
        assertThat(names(boundary)).containsExactly("b2", "b1");
        assertThat(boundary.json().path("has_more").asBoolean()).isFalse();
        assertThat(boundary.json().path("offset").asInt()).isEqualTo(3);

        Http.Resp last = http.get("/v1/batches?limit=2&offset=4");
        assertThat(names(last)).containsExactly("b1");
        assertThat(last.json().path("has_more").asBoolean()).isFalse();

        Http.Resp past = http.get("/v1/batches?limit=2&offset=5");
        assertThat(names(past)).isEmpty();
        assertThat(past.json().path("totalDocs").asInt()).isEqualTo(5);
        assertThat(past.json().path("has_more").asBoolean()).isFalse();
    }

    @Test
    void walkingPagesTheWayTheSdkDoesSeesEveryBatchOnce() {
        List<String> seen = new ArrayList<>();
        int offset = 0;
        while (true) {
            Http.Resp page = http.get("/v1/batches?limit=2&offset=" + offset);
            seen.addAll(names(page));
            if (!page.json().path("has_more").asBoolean()) {
                break;
            }
            offset += page.json().path("limit").asInt();
        }
        assertThat(seen).containsExactly("b5", "b4", "b3", "b2", "b1");
    }

    @Test
    void limitAndOffsetOutsideTheirRangeAre400() {
        for (String q : new String[] {"limit=0", "limit=101", "limit=ten", "offset=-1", "offset=x"}) {
            Http.Resp r = http.get("/v1/batches?" + q);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.error()).contains("\"" + q.substring(0, q.indexOf('=')) + "\"");
        }
        assertThat(http.get("/v1/batches?limit=").json().path("limit").asInt()).isEqualTo(100);
    }

    @Test
    void filtersByProjectAndStatus() {
        assertThat(names(http.get("/v1/batches?project=alpha"))).containsExactly("b3", "b2", "b1");
        assertThat(http.get("/v1/batches?project=alpha")
                        .json()
                        .path("totalDocs")
                        .asInt())
                .isEqualTo(3);
        assertThat(names(http.get("/v1/batches?status=staging"))).containsExactly("b4");
        assertThat(names(http.get("/v1/batches?status=completed"))).containsExactly("b5");
        assertThat(names(http.get("/v1/batches?status=in_progress&project=alpha")))
                .containsExactly("b3", "b2", "b1");
        assertThat(names(http.get("/v1/batches?project=nobody"))).isEmpty();
        Http.Resp bad = http.get("/v1/batches?status=paused");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("\"status\"");
    }

    @Test
    void filtersByCreationAndCompletionTime() {
        assertThat(names(http.get("/v1/batches?start_time=2024-01-02&end_time=2024-01-04T12:00:00Z")))
                .containsExactly("b4", "b3", "b2");
        assertThat(names(http.get("/v1/batches?start_time=2024-01-04T12:00:00")))
                .containsExactly("b5", "b4");
        assertThat(names(http.get("/v1/batches?completed_after=2024-01-01"))).containsExactly("b5");
        assertThat(names(http.get("/v1/batches?completed_before=2024-01-01"))).isEmpty();
        Http.Resp bad = http.get("/v1/batches?start_time=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("\"start_time\"");
    }

    @Test
    void excludeArchivedLeavesOutBatchesOfArchivedProjects() {
        Accounts.NewAccount owner = scale.newAccount("Archivist", "archivist@batch.example");
        Http own = new Http(scale.baseUrl(), owner.liveKey());
        Caller ownCaller = new Caller(owner.accountId(), false);
        own.post("/v1/projects", "{\"name\": \"old\", \"type\": \"categorization\"}");
        own.post("/v1/projects", "{\"name\": \"new\", \"type\": \"categorization\"}");
        own.post("/v1/batches", "{\"project\": \"old\", \"name\": \"old_batch\"}");
        own.post("/v1/batches", "{\"project\": \"new\", \"name\": \"new_batch\"}");
        scale.emulator().context().db().write(h -> {
            var doc = ProjectStore.require(h, ownCaller, "old");
            doc.put("archived", true);
            ProjectStore.update(h, ownCaller, doc, scale.emulator().context().now());
            return null;
        });
        assertThat(names(own.get("/v1/batches?exclude_archived=True"))).containsExactly("new_batch");
        assertThat(names(own.get("/v1/batches?exclude_archived=false"))).hasSize(2);
    }

    @Test
    void detailedAddsTaskCounts() {
        JsonNode b5 = http.get("/v1/batches?detailed=true&project=beta")
                .json()
                .path("docs")
                .get(0);
        assertThat(b5.path("name").asString()).isEqualTo("b5");
        assertThat(b5.path("task_counts").path("completed").asInt()).isEqualTo(1);
        assertThat(b5.path("task_counts").path("total").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/batches").json().path("docs").get(0).has("task_counts"))
                .isFalse();
    }
}
