package dev.scaletoolkit.emulator.task;

import static dev.scaletoolkit.emulator.task.TaskWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Fixtures;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.ScaleTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/tasks}: envelope, filters, newest-first order and next_token pages. */
class TaskListTest {
    static TaskWorld world;
    /** Each test uses its own project so that the counts of one never depend on another. */
    static int projects;

    @BeforeAll
    static void start() {
        world = TaskWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String newProject() {
        String name = "list_" + (++projects);
        world.insertProject(false, name, "categorization", Docs.object(), Docs.object());
        return name;
    }

    private static String create(String project, Object... extra) {
        List<Object> all = new ArrayList<>(List.of("project", project));
        all.addAll(List.of(extra));
        return world.createTask(world.live, all.toArray()).path("task_id").asString();
    }

    @Test
    void pagesWalkEveryTaskOnceNewestFirstAndTheLastPageHasNoToken() {
        String project = newProject();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(project));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String url = "/v1/tasks?project=" + project + "&limit=2" + (token == null ? "" : "&next_token=" + token);
            JsonNode page = world.live.get(url).json();
            pages++;
            assertThat(page.path("total").asInt()).isEqualTo(5);
            assertThat(page.path("limit").asInt()).isEqualTo(2);
            assertThat(page.path("offset").asInt()).isZero();
            page.path("docs").forEach(d -> seen.add(d.path("task_id").asString()));
            if (page.path("has_more").asBoolean()) {
                Fixtures.assertShape(page, "tasks/tasks_page.json");
                token = page.path("next_token").asString();
            } else {
                assertThat(page.path("next_token").isNull()).isTrue();
                token = null;
            }
        } while (token != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(created);
        assertThat(seen).isEqualTo(created);
    }

    @Test
    void anExactPageBoundaryEndsWithoutAnEmptyExtraPage() {
        String project = newProject();
        create(project);
        create(project);
        JsonNode page =
                world.live.get("/v1/tasks?project=" + project + "&limit=2").json();
        assertThat(page.path("docs").size()).isEqualTo(2);
        assertThat(page.path("has_more").asBoolean()).isFalse();
        assertThat(page.path("next_token").isNull()).isTrue();
    }

    @Test
    void tasksCreatedWhilePagingDoNotShiftLaterPages() {
        String project = newProject();
        String oldest = create(project);
        String middle = create(project);
        create(project);
        JsonNode first =
                world.live.get("/v1/tasks?project=" + project + "&limit=1").json();
        create(project);
        JsonNode second = world.live
                .get("/v1/tasks?project=" + project + "&limit=2&next_token="
                        + first.path("next_token").asString())
                .json();
        assertThat(second.path("docs").get(0).path("task_id").asString()).isEqualTo(middle);
        assertThat(second.path("docs").get(1).path("task_id").asString()).isEqualTo(oldest);
        assertThat(second.path("total").asInt()).isEqualTo(4);
    }

    @Test
    void totalIgnoresLimitAndDefaultLimitIsOneHundred() {
        String project = newProject();
        create(project);
        create(project);
        create(project);
        JsonNode one =
                world.live.get("/v1/tasks?project=" + project + "&limit=1").json();
        assertThat(one.path("total").asInt()).isEqualTo(3);
        assertThat(one.path("docs").size()).isEqualTo(1);
        JsonNode all = world.live.get("/v1/tasks?project=" + project).json();
        assertThat(all.path("limit").asInt()).isEqualTo(100);
        assertThat(all.path("docs").size()).isEqualTo(3);
    }

    @Test
    void badLimitAndBadTokenAre400NamingTheParameter() {
        Http.Resp zero = world.live.get("/v1/tasks?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.error()).contains("\"limit\"");
        Http.Resp big = world.live.get("/v1/tasks?limit=500");
        assertThat(big.error()).contains("\"limit\"");
        Fixtures.assertShape(big.json(), "errors/error_400_invalid_param.json");
        assertThat(world.live.get("/v1/tasks?limit=ten").status()).isEqualTo(400);

        Http.Resp token = world.live.get("/v1/tasks?next_token=not-a-token");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.error()).contains("\"next_token\"");
        String forged =
                java.util.Base64.getUrlEncoder().encodeToString("t1|yesterday|xyz".getBytes(StandardCharsets.UTF_8));
        assertThat(world.live.get("/v1/tasks?next_token=" + forged).status()).isEqualTo(400);

        assertThat(world.live.get("/v1/tasks?status=done").error()).contains("\"status\"");
        assertThat(world.live.get("/v1/tasks?customer_review_status=great").error())
                .contains("\"customer_review_status\"");
        assertThat(world.live.get("/v1/tasks?start_time=last-week").error()).contains("\"start_time\"");
        assertThat(world.live.get("/v1/tasks?limited_response=maybe").error()).contains("\"limited_response\"");
    }

    @Test
    void statusTypeBatchAndTagFiltersNarrowTheList() {
        String project = newProject();
        world.insertBatch(false, project + "_b", project, "in_progress");
        String done = create(project, "tags", List.of("red"));
        String canceled = create(project, "tags", List.of("blue", "green"));
        String inBatch = create(project, "batch", project + "_b");
        world.complete(done, Docs.object().put("category", "open"));
        world.live.post("/v1/task/" + canceled + "/cancel", null);

        assertThat(ids("project=" + project + "&status=completed")).containsExactly(done);
        assertThat(ids("project=" + project + "&status=pending,canceled")).containsExactlyInAnyOrder(canceled, inBatch);
        assertThat(ids("project=" + project + "&batch=" + project + "_b")).containsExactly(inBatch);
        assertThat(ids("project=" + project + "&type=categorize")).hasSize(3);
        assertThat(ids("project=" + project + "&type=imageannotation")).isEmpty();
        // Repeated tags match a task carrying any one of them.
        assertThat(ids("project=" + project + "&tags=red&tags=green")).containsExactlyInAnyOrder(done, canceled);
        assertThat(ids("project=" + project + "&tags%5B%5D=blue")).containsExactly(canceled);
        assertThat(ids("project=" + project + "&tags=")).hasSize(3);
    }

    @Test
    void timeFiltersBoundCreatedCompletedAndUpdatedTimes() throws Exception {
        String project = newProject();
        String early = create(project);
        // Time passes on the emulator's clock, so the cut lies strictly between the two tasks' times.
        world.scale.clock().advance(Duration.ofSeconds(1));
        String cut = enc(ScaleTime.format(world.scale.clock().instant()));
        world.scale.clock().advance(Duration.ofSeconds(1));
        String late = create(project);

        assertThat(ids("project=" + project + "&start_time=" + cut)).containsExactly(late);
        assertThat(ids("project=" + project + "&end_time=" + cut)).containsExactly(early);
        assertThat(ids("project=" + project + "&updated_before=" + cut)).containsExactly(early);
        assertThat(ids("project=" + project + "&updated_after=" + cut)).containsExactly(late);
        assertThat(ids("project=" + project + "&completed_after=" + cut)).isEmpty();
        world.complete(early, Docs.object());
        assertThat(ids("project=" + project + "&completed_after=" + cut)).containsExactly(early);
        assertThat(ids("project=" + project + "&completed_before=" + cut)).isEmpty();
        assertThat(ids("project=" + project + "&start_time=2000-01-01&end_time=2000-01-02"))
                .isEmpty();
    }

    @Test
    void customerReviewStatusFilterTakesACommaList() {
        String project = newProject();
        String accepted = create(project);
        String rejected = create(project);
        String unaudited = create(project);
        create(project);
        for (String id : List.of(accepted, rejected, unaudited)) {
            world.complete(id, Docs.object());
        }
        world.live.post("/v1/task/" + accepted + "/audit", json("accepted", true));
        world.live.post("/v1/task/" + rejected + "/audit", json("accepted", false));
        assertThat(ids("project=" + project + "&customer_review_status=accepted"))
                .containsExactly(accepted);
        assertThat(ids("project=" + project + "&customer_review_status=accepted,rejected"))
                .containsExactlyInAnyOrder(accepted, rejected);
        assertThat(ids("project=" + project + "&customer_review_status=pending"))
                .containsExactly(unaudited);
    }

    @Test
    void limitedResponseKeepsOnlyTheDocumentedKeys() {
        String project = newProject();
        create(project, "metadata", Map.of("shop", "bakery"), "callback_url", "https://hooks.example.org/x");
        JsonNode page = world.live
                .get("/v1/tasks?project=" + project + "&limited_response=true")
                .json();
        Fixtures.assertShape(page, "tasks/tasks_page_limited.json");
        JsonNode row = page.path("docs").get(0);
        Set<String> keys = new LinkedHashSet<>(row.propertyNames());
        assertThat(keys).containsExactlyInAnyOrder("task_id", "status", "metadata", "project");
        assertThat(row.path("metadata").path("shop").asString()).isEqualTo("bakery");
        JsonNode full = world.live
                .get("/v1/tasks?project=" + project + "&include_attachment_url=false")
                .json();
        assertThat(full.path("docs").get(0).has("params")).isTrue();
    }

    @Test
    void listingsNeverCrossAccountsOrModes() {
        String project = newProject();
        create(project);
        assertThat(world.test
                        .get("/v1/tasks?project=" + project)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        Http other = world.otherAccount(false);
        JsonNode theirs = other.get("/v1/tasks").json();
        assertThat(theirs.path("total").asInt()).isZero();
        assertThat(theirs.path("docs").isEmpty()).isTrue();
        String token =
                world.live.get("/v1/tasks?limit=1").json().path("next_token").asString();
        assertThat(other.get("/v1/tasks?next_token=" + token)
                        .json()
                        .path("docs")
                        .isEmpty())
                .isTrue();
    }

    private static List<String> ids(String query) {
        Http.Resp r = world.live.get("/v1/tasks?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("docs").forEach(d -> out.add(d.path("task_id").asString()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
