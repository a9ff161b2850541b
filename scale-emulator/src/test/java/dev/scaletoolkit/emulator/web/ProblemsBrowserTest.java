package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broken attachments, as a labeler and a manager meet them in two browsers: an image that answers 404 (or is a
 * web page) cannot be submitted, the labeler reports it, it leaves the queue and waits on the manager's Problems
 * list, where the manager fixes its URL (the labeler then labels it) or cancels it.
 */
class ProblemsBrowserTest {
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
        world.studioProject("Streets", "imageannotation");
        ada = Pages.signedIn(chromium, world, ADA, "labeler", 1280, 860);
        grace = Pages.signedIn(chromium, world, GRACE, "manager", 1280, 860);
        world.assign(ADA, "Streets");
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    private static String imageTask(String url) {
        ObjectNode body = UiWorld.json("{\"project\": \"Streets\", \"instruction\": \"Box every car.\","
                + " \"attachment_type\": \"image\", \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}}");
        body.put("attachment", url);
        return world.task("imageannotation", body);
    }

    private static void startLabeling() {
        ada.navigate(world.base() + "/queue");
        ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
    }

    private static Locator problemOf(String taskId) {
        return grace.locator(".problem-item[data-task='" + taskId + "']");
    }

    @Test
    void aMissingImageCannotBeSubmittedIsReportedAndComesBackFixed() {
        String taskId = imageTask(world.missingImageUrl());
        startLabeling();
        assertThat(ada).hasURL(world.base() + "/tasks/" + taskId);
        assertThat(ada.locator("#asset-alert")).containsText("could not be loaded");
        assertThat(ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")))
                .isDisabled();

        // She draws anyway and presses Enter: nothing is submitted.
        Pages.dragOnImage(ada, 100, 100, 300, 260);
        ada.keyboard().press("Escape");
        ada.keyboard().press("Enter");
        assertThat(ada).hasURL(world.base() + "/tasks/" + taskId);
        assertThat(world.taskJson(taskId).path("status").asString()).isEqualTo("pending");
        assertThat(Axe.seriousViolations(ada)).isEmpty();

        // Report a problem opened itself with the reason chosen; she adds a comment and sends it.
        assertThat(ada.getByLabel("What is wrong?")).hasValue("broken_asset");
        ada.getByLabel("Comment for the manager").fill("The photo link answers 404.");
        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report problem"))
                .click();
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=reported$"));
        assertThat(ada.getByRole(AriaRole.STATUS)).containsText("Problem reported");
        // The task left her queue; the API still shows it pending, with no callback sent.
        startLabeling();
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=empty$"));
        assertThat(world.taskJson(taskId).path("status").asString()).isEqualTo("pending");
        assertThat(world.deliveries())
                .noneMatch(d -> d.body().path("task_id").asString().equals(taskId));

        // The manager sees it on Problems and points the task at the right image.
        grace.navigate(world.base() + "/dashboard");
        grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Problems"))
                .click();
        assertThat(problemOf(taskId)).containsText("The attachment does not load");
        assertThat(problemOf(taskId)).containsText("The photo link answers 404.");
        assertThat(problemOf(taskId)).containsText(ADA);
        assertThat(Axe.seriousViolations(grace)).isEmpty();
        problemOf(taskId).getByLabel("New attachment URL").fill(world.imageUrl());
        problemOf(taskId)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fix attachment"))
                .click();
        assertThat(grace.getByRole(AriaRole.STATUS)).containsText("Attachment fixed");
        assertThat(problemOf(taskId)).hasCount(0);
        assertThat(world.taskJson(taskId).path("params").path("attachment").asString())
                .isEqualTo(world.imageUrl());

        // Back in Ada's queue, now with a picture she can label and submit.
        startLabeling();
        assertThat(ada).hasURL(world.base() + "/tasks/" + taskId);
        Pages.dragOnImage(ada, 90, 320, 280, 410);
        assertThat(ada.locator("#asset-alert")).isHidden();
        ada.keyboard().press("Escape");
        ada.keyboard().press("Enter");
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=done$"));
        // The box she drew before reporting was kept as her draft, so the answer has both.
        assertThat(world.taskJson(taskId).path("response").path("annotations")).hasSize(2);
    }

    @Test
    void aWebPageWhereTheImageShouldBeIsReportedAndTheManagerCancelsTheTask() {
        String taskId = imageTask(world.htmlPageUrl());
        ada.navigate(world.base() + "/tasks/" + taskId);
        assertThat(ada.locator("#asset-alert")).containsText("is not an image");
        assertThat(ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")))
                .isDisabled();
        ada.getByLabel("What is wrong?")
                .selectOption(new SelectOption().setLabel("The attachment is the wrong kind of file"));
        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report problem"))
                .click();
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=reported$"));

        // Someone following an old link to it is told it is reported, not given the editor.
        ada.navigate(world.base() + "/tasks/" + taskId);
        assertThat(ada.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("A problem was reported on this task")))
                .isVisible();

        grace.navigate(world.base() + "/problems");
        assertThat(problemOf(taskId)).containsText("The attachment is the wrong kind of file");
        problemOf(taskId)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel task"))
                .click();
        assertThat(grace.getByRole(AriaRole.STATUS)).containsText("Task canceled");
        assertThat(world.taskJson(taskId).path("status").asString()).isEqualTo("canceled");
    }
}
