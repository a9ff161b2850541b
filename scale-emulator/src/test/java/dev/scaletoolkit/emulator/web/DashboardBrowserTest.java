package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard, as a manager watches it while a labeler works in another browser: it changes without a
 * reload when the labeler submits, its per-labeler figures follow from the times the test sets on the emulator's
 * clock, the project shows "n of m", and the labeler's task screen says which task of the batch she is on.
 */
class DashboardBrowserTest {
    private static final String ADA = "ada@streets.example";
    private static final String GRACE = "grace@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page ada;
    private static Page grace;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        // The clock stands still, so the figures are exact: time passes only when the test says so.
        world = UiWorld.frozenAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        world.studioProject("Catalog", "categorization");
        world.batch("Catalog", "catalog-1");
        ada = Pages.signedIn(chromium, world, ADA, "labeler", 1280, 860);
        grace = Pages.signedIn(chromium, world, GRACE, "manager", 1400, 900);
        world.assign(ADA, "Catalog");
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    private static String task(String text) {
        var body = UiWorld.json("{\"project\": \"Catalog\", \"batch\": \"catalog-1\", \"attachment_type\": \"text\","
                + " \"instruction\": \"Pick the vehicle.\", \"categories\": [\"bicycle\", \"car\"]}");
        body.put("attachment", text);
        return world.task("categorization", body);
    }

    private static Locator stat(String labeler, String which) {
        return grace.locator("#labelers tr[data-labeler='" + labeler + "'] [data-stat='" + which + "']");
    }

    @Test
    void theDashboardFollowsAnotherSessionsSubmitsWithoutAReload() {
        List<String> tasks = new ArrayList<>();
        tasks.add(task("A red bicycle"));
        tasks.add(task("A blue car"));
        tasks.add(task("A green bicycle"));

        grace.navigate(world.base() + "/dashboard");
        assertThat(grace.locator("#labelers")).containsText("Nobody submitted an answer");
        assertThat(grace.locator("td[data-project='Catalog']")).containsText("0 of 3");
        assertThat(grace.locator("#live-status")).hasText("Updates live");
        assertThat(Axe.seriousViolations(grace)).isEmpty();
        // Anything that reloads the page would lose this mark.
        grace.evaluate("() => { window.notReloaded = true; }");

        // Ada starts: the task screen says where she is in the batch.
        ada.navigate(world.base() + "/queue");
        ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
        assertThat(ada).hasURL(world.base() + "/tasks/" + tasks.get(0));
        assertThat(ada.locator("#position")).hasText("Task 1 of 3 in batch catalog-1");
        assertThat(Axe.seriousViolations(ada)).isEmpty();
        // Two minutes on the first task, then the keyboard: 1 picks bicycle, Enter submits.
        world.clock().advance(Duration.ofMinutes(2));
        ada.keyboard().press("1");
        ada.keyboard().press("Enter");
        assertThat(ada).hasURL(world.base() + "/tasks/" + tasks.get(1));
        assertThat(ada.locator("#position")).hasText("Task 2 of 3 in batch catalog-1");

        // Grace's dashboard changes by itself.
        assertThat(stat(ADA, "tasks")).hasText("1");
        assertThat(stat(ADA, "time")).hasText("2 min 00 s");
        assertThat(stat(ADA, "throughput")).hasText("0.13 tasks/h"); // 1 task over the last 8 hours
        assertThat(stat(ADA, "acceptance")).hasText("not reviewed yet");
        assertThat(grace.locator("td[data-project='Catalog']")).containsText("1 of 3");
        assertThat(grace.locator("#live-status")).containsText("Updated");

        // Four minutes on the second, then a manager's verdicts through the API: one accepted, one rejected.
        world.clock().advance(Duration.ofMinutes(4));
        ada.keyboard().press("2");
        ada.keyboard().press("Enter");
        assertThat(ada.locator("#position")).hasText("Task 3 of 3 in batch catalog-1");
        assertThat(stat(ADA, "tasks")).hasText("2");
        assertThat(stat(ADA, "time")).hasText("3 min 00 s"); // the median of 2 and 4 minutes
        UiWorld.ok(world.api.post("/v1/task/" + tasks.get(0) + "/audit", "{\"accepted\": true}"));
        assertThat(stat(ADA, "acceptance")).containsText("100%");
        UiWorld.ok(world.api.post("/v1/task/" + tasks.get(1) + "/audit", "{\"accepted\": false}"));
        assertThat(stat(ADA, "acceptance")).hasText(Pattern.compile("50%\\s*1 of 2 reviewed"));
        assertThat(grace.evaluate("() => window.notReloaded === true")).isEqualTo(true);

        // A shorter window leaves the answers of more than an hour ago out.
        world.clock().advance(Duration.ofMinutes(70));
        grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last hour"))
                .click();
        assertThat(grace.locator("#labelers"))
                .containsText("Nobody submitted an answer in the browser in the last hour");
        assertThat(Axe.seriousViolations(grace)).isEmpty();
    }
}
