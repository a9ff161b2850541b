package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A manager reviews work in Chromium (the rejection becomes the audit the API returns), task data never runs as
 * script, and forms without their CSRF token are refused.
 */
class ReviewAndSafetyBrowserTest {
    private static final String MANAGER = "grace@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page page;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = new UiWorld();
        page = Pages.signedIn(chromium, world, MANAGER, "manager", 1400, 900);
        assertThat(page).hasURL(world.base() + "/dashboard");
        world.studioProject("Catalog", "categorization");
        world.batch("Catalog", "catalog-1");
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    private static String categorizationTask(String instruction) {
        var body = UiWorld.json("{\"project\": \"Catalog\", \"batch\": \"catalog-1\", \"attachment_type\": \"text\","
                + " \"attachment\": \"A red bicycle with a basket\", \"categories\": [\"bicycle\", \"car\"]}");
        body.put("instruction", instruction);
        return world.task("categorization", body);
    }

    @Test
    void aManagerRejectsATaskWithACommentAndTheApiShowsTheAudit() {
        String taskId = categorizationTask("Pick the vehicle.");
        UiWorld.ok(world.control.post(
                "/_emulator/tasks/" + taskId + "/complete", "{\"response\": {\"category\": \"car\"}}"));

        page.navigate(world.base() + "/review");
        page.locator("a[href='/review/" + taskId + "']").click();
        assertThat(page.locator("pre.json")).containsText("car");
        page.getByLabel("Comment for the labeler").fill("The photo shows a bicycle, not a car.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("rejected");

        JsonNode task = world.taskJson(taskId);
        assertThat(task.path("customer_review_status").asString()).isEqualTo("rejected");
        JsonNode audit = task.path("audits").get(0);
        assertThat(audit.path("audit_result").asString()).isEqualTo("rejected");
        assertThat(audit.path("audited_by").asString()).isEqualTo(MANAGER);
        assertThat(audit.path("comments").asString()).isEqualTo("The photo shows a bicycle, not a car.");
        JsonNode audits =
                UiWorld.ok(world.api.get("/v1/audits?task_id=" + taskId)).json();
        assertThat(audits.toString()).contains("\"audit_result\":\"rejected\"").contains(MANAGER);
    }

    @Test
    void scriptInAnInstructionOrALabelNeverRuns() {
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        String taskId = categorizationTask("<script>window.pwned = 'script'; alert('script')</script>\n\n"
                + "Pick **one**. <img src=x onerror=\"window.pwned = 'img'\"> [click](javascript:window.pwned='link')");
        var body = UiWorld.json("{\"project\": \"Catalog\", \"batch\": \"catalog-1\", \"attachment_type\": \"text\","
                + " \"attachment\": \"</script><script>window.pwned = 'data'</script>\","
                + " \"categories\": [\"<img src=x onerror=\\\"window.pwned = 'label'\\\">\", \"car\"]}");
        body.put("instruction", "Fine.");
        String second = world.task("categorization", body);

        for (String id : List.of(taskId, second)) {
            page.navigate(world.base() + "/tasks/" + id);
            assertThat(page.locator(".md")).isVisible();
            assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
            assertThat(page.locator(".md script")).hasCount(0);
            assertThat(page.locator(".md img")).hasCount(0);
        }
        page.navigate(world.base() + "/tasks/" + taskId);
        assertThat(page.locator(".md strong")).hasText("one");
        assertThat(page.locator(".md")).containsText("<script>"); // shown as text, not parsed
        page.locator(".md a").first().click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true));
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(dialogs).isEmpty();
        APIResponse response = page.request().get(world.base() + "/tasks/" + taskId);
        assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String taskId = categorizationTask("Pick the vehicle.");
        APIResponse withoutToken = page.request()
                .post(
                        world.base() + "/tasks/" + taskId + "/submit",
                        RequestOptions.create().setForm(FormData.create().set("category", "bicycle")));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.text()).contains("security token");
        APIResponse wrongToken = page.request()
                .post(
                        world.base() + "/tasks/" + taskId + "/submit",
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("category", "bicycle")
                                        .set("csrf", "guessed")));
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(world.taskJson(taskId).path("status").asString()).isEqualTo("pending");

        // The same form, filled in the page (which carries the token), goes through.
        page.navigate(world.base() + "/tasks/" + taskId);
        page.getByLabel("bicycle").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        assertThat(world.taskJson(taskId).path("status").asString()).isEqualTo("completed");
        assertThat(world.taskJson(taskId).path("response").path("category").asString())
                .isEqualTo("bicycle");

        // Sign-in is a form too: without the token from the page it is refused before any password check.
        try (BrowserContext stranger = chromium.browser.newContext()) {
            APIResponse signIn = stranger.request()
                    .post(
                            world.base() + "/sign-in",
                            RequestOptions.create()
                                    .setForm(FormData.create()
                                            .set("email", MANAGER)
                                            .set("password", Pages.PASSWORD)));
            assertThat(signIn.status()).isEqualTo(403);
        }
    }
}
