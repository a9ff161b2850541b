package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.scaletoolkit.emulator.studio.Drafts;
import dev.scaletoolkit.emulator.studio.Reservations;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts, as a labeler meets them: boxes drawn survive a reload, leaving with unsaved work asks first, the draft
 * follows her to another browser after signing out, and submitting deletes it; a form's choice survives a reload.
 */
class DraftsBrowserTest {
    private static final String ADA = "ada@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page page;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = new UiWorld();
        world.studioProject("Streets", "imageannotation");
        world.studioProject("Catalog", "categorization");
        page = Pages.signedIn(chromium, world, ADA, "labeler", 1400, 900);
        world.assign(ADA, "Streets");
        world.assign(ADA, "Catalog");
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    private static void waitForSave(Page p) {
        assertThat(p.locator("#draft-status")).hasText("Draft saved");
    }

    @Test
    void drawnBoxesSurviveAReloadASignOutAndAnotherBrowserAndSubmitDeletesTheDraft() {
        ObjectNode body = UiWorld.json("{\"project\": \"Streets\", \"instruction\": \"Box every car.\","
                + " \"attachment_type\": \"image\", \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}}");
        body.put("attachment", world.imageUrl());
        String taskId = world.task("imageannotation", body);

        page.navigate(world.base() + "/tasks/" + taskId);
        Pages.dragOnImage(page, 90, 320, 280, 410);
        page.keyboard().press("Escape");
        Pages.dragOnImage(page, 470, 350, 660, 440);
        page.keyboard().press("Escape");
        waitForSave(page);
        // A third box is half drawn (the mouse still down) when she reloads.
        double[] a = Pages.screen(page, 330, 248);
        page.mouse().move(a[0], a[1]);
        page.mouse().down();
        page.mouse().move(a[0] + 40, a[1] + 40, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.reload();
        page.waitForSelector("#canvas[data-ready=true]");
        page.mouse().up();
        assertThat(page.locator("#count")).hasText("2");
        assertThat(page.locator("#draft-status")).hasText("Draft restored");
        assertThat(Axe.seriousViolations(page)).isEmpty();

        // A new box, and at once a click on Queue: the page asks before the unsaved box is lost.
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.type());
            d.dismiss();
        });
        Pages.dragOnImage(page, 330, 248, 416, 336);
        page.keyboard().press("Escape");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Queue").setExact(true))
                .click(new Locator.ClickOptions().setNoWaitAfter(true));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> dialogs.contains("beforeunload"));
        assertThat(page).hasURL(world.base() + "/tasks/" + taskId);
        assertThat(page.locator("#count")).hasText("3");
        waitForSave(page);

        // She signs out and carries on in another browser: the draft and the reservation are hers.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(world.base() + "/sign-in");
        Page other = chromium.person(1280, 800);
        try (BrowserContext desktop = other.context()) {
            Pages.signIn(other, world.base(), ADA, Pages.PASSWORD);
            other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                    .click();
            assertThat(other).hasURL(world.base() + "/tasks/" + taskId);
            other.waitForSelector("#canvas[data-ready=true]");
            assertThat(other.locator("#count")).hasText("3");
            other.keyboard().press("Enter");
            assertThat(other).hasURL(Pattern.compile(".*/queue.*"));
        }
        JsonNode response = world.taskJson(taskId).path("response").path("annotations");
        assertThat(response).hasSize(3);
        assertThat(response.get(0).path("left").asDouble()).isCloseTo(90, org.assertj.core.data.Offset.offset(1.5));
        var context = world.emulator.context();
        assertThat(new Drafts(context, new Reservations(context)).find(world.account.accountId(), taskId, ADA))
                .isEmpty();
        Pages.signIn(page, world.base(), ADA, Pages.PASSWORD);
    }

    @Test
    void aChosenCategorySurvivesAReload() {
        var body = UiWorld.json("{\"project\": \"Catalog\", \"attachment_type\": \"text\", \"instruction\": \"Pick.\","
                + " \"attachment\": \"A red bicycle\", \"categories\": [\"bicycle\", \"car\"]}");
        String taskId = world.task("categorization", body);
        if (page.url().endsWith("/sign-in")) {
            Pages.signIn(page, world.base(), ADA, Pages.PASSWORD);
        }
        page.navigate(world.base() + "/tasks/" + taskId);
        page.getByLabel("car").check();
        waitForSave(page);
        page.reload();
        assertThat(page.getByLabel("car")).isChecked();
        assertThat(page.getByLabel("bicycle")).not().isChecked();
    }
}
