package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rework loop in two browsers: Ada labels, Grace rejects with a comment, the task comes back to Ada's queue
 * with the comment and her answer loaded, she corrects it, and the API shows the corrected response, the audit of
 * the rejected attempt and exactly one new callback; the review shows the attempts.
 */
class ReworkBrowserTest {
    private static final String ADA = "ada@streets.example";
    private static final String GRACE = "grace@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page ada;
    private static Page grace;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = new UiWorld();
        world.studioProject("Catalog", "categorization");
        ada = Pages.signedIn(chromium, world, ADA, "labeler", 1280, 860);
        grace = Pages.signedIn(chromium, world, GRACE, "manager", 1280, 860);
        world.assign(ADA, "Catalog");
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    private static long callbacksOf(String taskId) {
        return world.deliveries().stream()
                .filter(d -> d.body().path("task_id").asString().equals(taskId))
                .count();
    }

    private static JsonNode callbackLog(String taskId) {
        return UiWorld.ok(world.control.get("/_emulator/callbacks?task_id=" + taskId))
                .json()
                .path("docs");
    }

    @Test
    void aRejectedTaskComesBackWithItsCommentAndTheResubmissionReplacesTheResponse() {
        var body = UiWorld.json("{\"project\": \"Catalog\", \"instruction\": \"Pick the vehicle.\","
                + " \"attachment_type\": \"text\", \"attachment\": \"A red bicycle with a basket\","
                + " \"categories\": [\"bicycle\", \"car\"]}");
        String taskId = world.task("categorization", body);

        ada.navigate(world.base() + "/queue");
        ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
        ada.getByLabel("car").check();
        ada.keyboard().press("Enter");
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=done$"));
        await().atMost(Duration.ofSeconds(10)).until(() -> callbacksOf(taskId) == 1);

        // Grace rejects it with a comment; it goes back to Ada (the default).
        grace.navigate(world.base() + "/review");
        grace.locator("a[href='/review/" + taskId + "']").click();
        assertThat(grace.getByLabel(ADA)).isChecked();
        grace.getByLabel("Comment for the labeler").fill("It is a bicycle, look at the basket.");
        grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject"))
                .click();
        assertThat(grace.getByRole(AriaRole.STATUS)).containsText("rejected and sent back");
        JsonNode rejected = world.taskJson(taskId);
        assertThat(rejected.path("status").asString()).isEqualTo("completed");
        assertThat(rejected.path("customer_review_status").asString()).isEqualTo("rejected");
        // The audit's own callback (as for an API audit) has gone out before Ada resubmits.
        await().atMost(Duration.ofSeconds(10)).until(() -> callbacksOf(taskId) == 2);
        long before = callbacksOf(taskId);

        // Back in Ada's queue, with the comment and her answer loaded.
        ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
        assertThat(ada).hasURL(world.base() + "/tasks/" + taskId);
        assertThat(ada.locator("#rework")).containsText("It is a bicycle, look at the basket.");
        assertThat(ada.locator("#rework")).containsText(GRACE);
        assertThat(ada.getByLabel("car")).isChecked();
        assertThat(Axe.seriousViolations(ada)).isEmpty();
        ada.keyboard().press("1"); // bicycle
        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=.*"));

        // The API: still completed, the corrected response, the rejected attempt as an audit, one new callback.
        JsonNode task = world.taskJson(taskId);
        assertThat(task.path("status").asString()).isEqualTo("completed");
        assertThat(task.path("response").path("category").asString()).isEqualTo("bicycle");
        assertThat(task.path("customer_review_status").asString()).isEqualTo("pending");
        assertThat(task.path("audits")).hasSize(1);
        assertThat(task.path("audits").get(0).path("audit_result").asString()).isEqualTo("rejected");
        await().atMost(Duration.ofSeconds(10)).until(() -> callbacksOf(taskId) == before + 1);
        var last = world.deliveries().stream()
                .filter(d -> d.body().path("task_id").asString().equals(taskId))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.body().path("response").path("category").asString()).isEqualTo("bicycle");
        assertThat(callbackLog(taskId)).hasSize((int) before + 1);

        // The review shows the history; Grace accepts the correction.
        grace.navigate(world.base() + "/review/" + taskId);
        assertThat(grace.locator("#attempts")).containsText("Attempt 1");
        assertThat(grace.locator("#attempts")).containsText("It is a bicycle, look at the basket.");
        assertThat(grace.locator("#attempts")).containsText("Resubmitted by " + ADA);
        assertThat(Axe.seriousViolations(grace)).isEmpty();
        grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept"))
                .click();
        assertThat(world.taskJson(taskId).path("customer_review_status").asString())
                .isEqualTo("accepted");
        // Nothing is waiting for Ada any more.
        ada.navigate(world.base() + "/queue/next");
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=empty$"));
    }
}
