package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annotation screens' newer habits, with the keyboard and mouse: a screen with more than nine labels filters
 * them as the labeler types (and the number keys still work), and the segmentation painter's mask survives a
 * reload as a draft.
 */
class EditorsBrowserTest {
    private static final String ADA = "ada@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page page;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = new UiWorld();
        world.studioProject("Streets", "imageannotation");
        world.studioProject("Parking", "segmentannotation");
        page = Pages.signedIn(chromium, world, ADA, "labeler", 1400, 900);
        world.assign(ADA, "Streets");
        world.assign(ADA, "Parking");
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    @Test
    void twelveLabelsAreFilteredByTypingAndTheNumberKeysKeepWorking() {
        ObjectNode body = UiWorld.json("{\"project\": \"Streets\", \"instruction\": \"Box everything.\","
                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\", \"bicycle\", \"bus\", \"truck\","
                + " \"person\", \"dog\", \"cat\", \"traffic light\", \"stop sign\", \"bench\", \"tree\","
                + " \"motorcycle\"]}}}");
        body.put("attachment", world.imageUrl());
        String taskId = world.task("imageannotation", body);
        page.navigate(world.base() + "/tasks/" + taskId);
        page.waitForSelector("#canvas[data-ready=true]");
        page.locator("#canvas").focus();

        // "/" reaches the filter; typing narrows the list; Enter picks the match and goes back to the canvas.
        page.keyboard().press("/");
        assertThat(page.locator("#label-search")).isFocused();
        page.keyboard().type("moto");
        assertThat(page.locator("#labels li:visible")).hasCount(1);
        assertThat(page.locator("#labels li:visible")).hasText("motorcycle");
        assertThat(page.locator("#label-search-count")).hasText("1 of 12 labels match");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        page.keyboard().press("Enter");
        assertThat(page.locator("#canvas")).isFocused();
        assertThat(page.locator("#labels li:visible")).hasCount(12);
        page.keyboard().press("n"); // a new box, with the label just picked
        assertThat(page.locator("#shapes")).containsText("Box · motorcycle");

        // The number keys still mean the first nine labels: 2 relabels the selected box.
        page.keyboard().press("2");
        assertThat(page.locator("#shapes")).containsText("Box · bicycle");

        // Arrows walk through the matches (bicycle, bus, bench for "b"); Enter on one picks it.
        page.keyboard().press("/");
        page.keyboard().type("b");
        assertThat(page.locator("#labels li:visible")).hasCount(3);
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("#shapes")).containsText("Box · bus");
        assertThat(page.locator("#labels li:visible")).hasCount(12);

        // Escape leaves the filter without picking anything.
        page.keyboard().press("/");
        page.keyboard().type("zzz");
        assertThat(page.locator("#labels li:visible")).hasCount(0);
        page.keyboard().press("Escape");
        assertThat(page.locator("#canvas")).isFocused();
        assertThat(page.locator("#labels li:visible")).hasCount(12);
        assertThat(page.locator("#shapes")).containsText("Box · bus");
    }

    @Test
    void aPaintedMaskIsRestoredFromItsDraftAfterAReload() {
        ObjectNode body = UiWorld.json("{\"project\": \"Parking\", \"instruction\": \"Paint the road.\","
                + " \"labels\": [\"road\", \"car\"]}");
        body.put("attachment", world.imageUrl());
        String taskId = world.task("segmentannotation", body);
        page.navigate(world.base() + "/tasks/" + taskId);
        page.waitForSelector("#canvas[data-ready=true]");

        // A brush stroke across the road with label 1, then a polygon of label 2 over the red car.
        double[] a = Pages.screen(page, 40, 450);
        double[] b = Pages.screen(page, 700, 460);
        page.mouse().move(a[0], a[1]);
        page.mouse().down();
        page.mouse().move(b[0], b[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
        page.keyboard().press("2");
        page.keyboard().press("p");
        for (double[] v : new double[][] {{90, 320}, {280, 320}, {280, 410}, {90, 410}}) {
            double[] at = Pages.screen(page, v[0], v[1]);
            page.mouse().click(at[0], at[1]);
        }
        page.keyboard().press("Enter");
        // Saved as it is now (the status line already read "Draft saved" after the brush stroke).
        page.waitForFunction("() => !window.scaleDraft.unsaved()");
        assertThat(page.locator("#draft-status")).hasText("Draft saved");
        Object before = page.evaluate("() => JSON.stringify(window.scaleEditor.snapshot())");
        assertThat(before.toString()).contains(",1,").contains(",2,"); // both labels painted

        page.reload();
        page.waitForSelector("#canvas[data-ready=true]");
        assertThat(page.locator("#draft-status")).hasText("Draft restored");
        assertThat(page.evaluate("() => JSON.stringify(window.scaleEditor.snapshot())"))
                .isEqualTo(before);
        assertThat(Axe.seriousViolations(page)).isEmpty();

        // Submitting completes the task with the restored mask and deletes the draft.
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.endsWith(taskId)); // the next task, or the queue
        // (Masks reach the API behind response URLs, as on Scale; LabelingBrowserTest reads them back.)
        assertThat(world.taskJson(taskId).path("status").asString()).isEqualTo("completed");
        var context = world.emulator.context();
        assertThat(new dev.scaletoolkit.emulator.studio.Drafts(
                                context, new dev.scaletoolkit.emulator.studio.Reservations(context))
                        .find(world.account.accountId(), taskId, ADA))
                .isEmpty();
    }
}
