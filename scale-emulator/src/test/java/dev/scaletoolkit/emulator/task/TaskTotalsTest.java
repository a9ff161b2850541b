package dev.scaletoolkit.emulator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code total} of {@code GET /v1/tasks} is exact for every filter, through creates, completions, failures,
 * cancels and resets: counted from the kept counts where they answer, and over the index where they do not.
 */
class TaskTotalsTest {
    private static TestEmulator scale;
    private static Http live;
    private static Http admin;

    /** What the test knows about each task it made. */
    record Made(String id, String project, String batch, String type, String tag, String[] status) {
        String current() {
            return status[0];
        }
    }

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        live = new Http(scale.baseUrl(), scale.account().liveKey());
        admin = new Http(scale.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    private static void setUp() {
        for (String p : List.of("north", "south")) {
            assertThat(live.post("/v1/projects", "{\"type\": \"categorization\", \"name\": \"" + p + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(live.post("/v1/projects", "{\"type\": \"textcollection\", \"name\": \"pairs\"}")
                        .status())
                .isEqualTo(200);
        assertThat(live.post("/v1/batches", "{\"project\": \"north\", \"name\": \"north_1\"}")
                        .status())
                .isEqualTo(200);
    }

    private static Made create(String project, String batch, String tag) {
        boolean comparison = project != null && project.equals("pairs");
        String body = comparison
                ? """
                {"project": "pairs", "instruction": "Copy.", "fields": [{"field_id": "f"}], "attachments": ["a"],
                 "tags": ["%s"]}""".formatted(tag)
                : """
                {%s "instruction": "Which?", "attachment_type": "text", "attachment": "x",
                 "categories": ["a", "b"], "tags": ["%s"]}""".formatted(
                                batch != null
                                        ? "\"batch\": \"" + batch + "\","
                                        : project != null ? "\"project\": \"" + project + "\"," : "",
                                tag);
        String type = comparison ? "textcollection" : "categorization";
        Http.Resp r = live.post("/v1/task/" + type, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return new Made(
                r.json().path("task_id").asString(), batch != null ? "north" : project, batch, type, tag, new String[] {
                    "pending"
                });
    }

    private static void assertTotals(List<Made> made) {
        Map<String, Predicate<Made>> filters = new java.util.LinkedHashMap<>();
        filters.put("", m -> true);
        filters.put("project=north", m -> "north".equals(m.project()));
        filters.put(
                "project=north&status=pending",
                m -> "north".equals(m.project()) && m.current().equals("pending"));
        filters.put(
                "project=south&status=completed",
                m -> "south".equals(m.project()) && m.current().equals("completed"));
        filters.put("batch=north_1", m -> "north_1".equals(m.batch()));
        filters.put(
                "batch=north_1&status=canceled",
                m -> "north_1".equals(m.batch()) && m.current().equals("canceled"));
        filters.put("status=error", m -> m.current().equals("error"));
        filters.put(
                "status=pending&status=completed",
                m -> m.current().equals("pending") || m.current().equals("completed"));
        filters.put("type=textcollection", m -> m.type().equals("textcollection"));
        filters.put(
                "type=categorization&status=pending",
                m -> m.type().equals("categorization") && m.current().equals("pending"));
        // Not served by the counts: counted over the index.
        filters.put("tags=odd", m -> m.tag().equals("odd"));
        filters.put(
                "tags=odd&status=completed",
                m -> m.tag().equals("odd") && m.current().equals("completed"));
        for (Map.Entry<String, Predicate<Made>> f : filters.entrySet()) {
            Http.Resp page = live.get("/v1/tasks?limit=1&" + f.getKey());
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            long expected = made.stream().filter(f.getValue()).count();
            assertThat(page.json().path("total").asLong())
                    .as("total for ?%s", f.getKey())
                    .isEqualTo(expected);
        }
    }

    @Test
    void totalsStayExactThroughCreatesCompletionsCancelsAndResets() {
        setUp();
        List<Made> made = new ArrayList<>();
        String[] projects = {"north", "south", "pairs", null};
        for (int i = 0; i < 24; i++) {
            String project = projects[i % projects.length];
            String batch = i % 8 == 0 ? "north_1" : null;
            made.add(create(project, batch, i % 2 == 0 ? "even" : "odd"));
        }
        assertTotals(made);

        for (int i = 0; i < made.size(); i++) {
            Made m = made.get(i);
            switch (i % 4) {
                case 0 -> {
                    assertThat(admin.post("/_emulator/tasks/" + m.id() + "/complete", "{}")
                                    .status())
                            .isEqualTo(200);
                    m.status()[0] = "completed";
                }
                case 1 -> {
                    assertThat(live.post("/v1/task/" + m.id() + "/cancel", null).status())
                            .isEqualTo(200);
                    m.status()[0] = "canceled";
                }
                case 2 -> {
                    assertThat(admin.post("/_emulator/tasks/" + m.id() + "/fail", "{}")
                                    .status())
                            .isEqualTo(200);
                    m.status()[0] = "error";
                }
                default -> {
                    // stays pending
                }
            }
        }
        // A refused change (completing a canceled task) changes no count.
        assertThat(admin.post("/_emulator/tasks/" + made.get(1).id() + "/complete", "{}")
                        .status())
                .isEqualTo(400);
        assertTotals(made);

        assertThat(admin.post("/_emulator/reset", "{}").status()).isEqualTo(200);
        JsonNode empty = live.get("/v1/tasks?project=north").json();
        assertThat(empty.path("total").asLong()).isZero();
        assertThat(live.get("/v1/tasks").json().path("total").asLong()).isZero();

        setUp();
        List<Made> again = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            again.add(create(projects[i % projects.length], null, "odd"));
        }
        assertTotals(again);
    }
}
