package dev.scaletoolkit.emulator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A page of {@code GET /v1/tasks} also stops at a byte budget (EmulatorLimits.MAX_TASK_PAGE_BYTES; a small one
 * here): it ends early with has_more and a next_token, and walking the pages still gives every task exactly once.
 */
class TaskPageBytesTest {
    static TaskWorld world;
    static List<String> created = new ArrayList<>();
    static final String PROJECT = "page_bytes";

    @BeforeAll
    static void start() {
        world = TaskWorld.start(b -> b.workforceEnabled(false));
        world.insertProject(false, PROJECT, "categorization", Docs.object(), Docs.object());
        String padding = "x".repeat(1_500);
        for (int i = 0; i < 9; i++) {
            created.add(world.createTask(world.live, "project", PROJECT, "metadata", java.util.Map.of("pad", padding))
                    .path("task_id")
                    .asString());
        }
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static List<JsonNode> walk(long maxBytes) {
        TaskQuery query = new TaskQuery(world.scale.emulator().context(), maxBytes);
        TaskFilter filter = new TaskFilter(
                new Caller(world.scale.account().accountId(), false),
                List.of(),
                List.of(),
                PROJECT,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of());
        List<JsonNode> pages = new ArrayList<>();
        TaskFilter.PagePosition after = null;
        do {
            JsonNode page = ScaleJson.mapper().readTree(query.list(new TaskQuery.Request(filter, after, 100, false)));
            pages.add(page);
            after = page.path("has_more").asBoolean()
                    ? TaskQuery.position(page.path("next_token").asString())
                    : null;
        } while (after != null && pages.size() < 50);
        return pages;
    }

    @Test
    void aPageStopsAtItsByteBudgetAndThePagesStillHoldEveryTaskOnce() {
        List<JsonNode> pages = walk(5_000);
        assertThat(pages.size()).as("pages").isGreaterThan(1);
        List<String> seen = new ArrayList<>();
        for (JsonNode page : pages) {
            assertThat(page.path("docs").size()).isBetween(1, 100);
            if (page.path("docs").size() > 1) {
                assertThat(page.path("docs").toString().length())
                        .as("page docs")
                        .isLessThanOrEqualTo(5_000 + 2);
            }
            page.path("docs").forEach(d -> seen.add(d.path("task_id").asString()));
        }
        assertThat(seen).hasSize(created.size());
        assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages.get(pages.size() - 1).path("next_token").isNull()).isTrue();
    }

    @Test
    void aTaskLargerThanTheBudgetStillComesOnAPageOfItsOwn() {
        List<JsonNode> pages = walk(100);
        assertThat(pages).hasSize(created.size());
        assertThat(pages).allSatisfy(p -> assertThat(p.path("docs").size()).isEqualTo(1));
    }

    @Test
    void theDefaultBudgetKeepsTheWholePageOfSmallTasks() {
        List<JsonNode> pages = walk(dev.scaletoolkit.emulator.EmulatorLimits.MAX_TASK_PAGE_BYTES);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).path("docs").size()).isEqualTo(created.size());
    }
}
