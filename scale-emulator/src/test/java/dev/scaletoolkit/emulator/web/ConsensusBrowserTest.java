package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.scaletoolkit.emulator.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consensus with three labelers and a manager, each in their own browser: Grace sets the project to three
 * labelers per task on its screen; Ada, Bob and Cy all get the same task from <em>Start labeling</em> and draw a
 * box with the mouse (Cy's is half as wide); the task stays pending with no callback until Grace, who sees the
 * 67% agreement and each answer, picks Bob's; then the API returns Bob's boxes and one callback went out.
 *
 * <p>With {@code -Dui.screenshots=true} it also writes {@code docs/screenshots/26-consensus.png} and
 * {@code 27-project-settings.png}.
 */
class ConsensusBrowserTest {
    private static final String ADA = "ada@streets.example";
    private static final String BOB = "bob@streets.example";
    private static final String CY = "cy@streets.example";
    private static final String GRACE = "grace@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page ada;
    private static Page bob;
    private static Page cy;
    private static Page grace;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = new UiWorld();
        ada = Pages.signedIn(chromium, world, ADA, "labeler", 1280, 860);
        bob = Pages.signedIn(chromium, world, BOB, "labeler", 1280, 860);
        cy = Pages.signedIn(chromium, world, CY, "labeler", 1280, 860);
        grace = Pages.signedIn(chromium, world, GRACE, "manager", 1280, 860);
        world.studioProject("Streets", "imageannotation");
        for (String labeler : List.of(ADA, BOB, CY)) {
            world.assign(labeler, "Streets");
        }
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

    private static void screenshot(Page page, String name) {
        if (Boolean.getBoolean("ui.screenshots")) {
            Path out = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();
            try {
                Files.createDirectories(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(out.resolve(name + ".png"))
                    .setFullPage(true));
        }
    }

    /** Opens the queue, presses Start labeling and draws one car box from image (100, 300) to (x2, 400). */
    private static void labelCar(Page page, String taskId, double x2) {
        page.navigate(world.base() + "/queue");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
        assertThat(page).hasURL(world.base() + "/tasks/" + taskId);
        Pages.dragOnImage(page, 100, 300, x2, 400);
        page.keyboard().press("Escape");
        assertThat(page.locator("#count")).hasText("1");
    }

    @Test
    void aThreeLabelerTaskCompletesOnlyAfterTheManagersChoice() {
        // Grace sets three labelers per task on the project's screen (a wrong value first).
        grace.navigate(world.base() + "/dashboard");
        grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings of Streets"))
                .click();
        grace.getByLabel("Labelers per task").fill("three");
        grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings"))
                .click();
        assertThat(grace.getByRole(AriaRole.ALERT)).containsText("labelers_per_task");
        grace.getByLabel("Labelers per task").fill("3");
        grace.getByLabel("Agreement threshold").fill("0.8");
        grace.getByLabel("Agreement threshold").press("Enter");
        assertThat(grace.getByRole(AriaRole.STATUS)).hasText("Settings saved.");
        assertThat(grace.getByLabel("Labelers per task")).hasValue("3");
        assertThat(Axe.seriousViolations(grace)).isEmpty();
        screenshot(grace, "27-project-settings");
        JsonNode project = UiWorld.ok(world.api.get("/v1/projects/Streets")).json();
        assertThat(project.toString()).contains("\"labelers_per_task\":3");

        ObjectNode body = UiWorld.json("{\"project\": \"Streets\", \"instruction\": \"Box the **red car**.\","
                + " \"attachment_type\": \"image\", \"geometries\": {\"box\": {\"objects_to_annotate\":"
                + " [\"car\", \"bicycle\"]}}}");
        body.put("attachment", world.imageUrl());
        String taskId = world.task("imageannotation", body);

        // All three hold the same task at once, each with their own reservation.
        labelCar(ada, taskId, 300);
        labelCar(bob, taskId, 300);
        labelCar(cy, taskId, 200);
        List<String> holders = new ArrayList<>();
        grace.navigate(world.base() + "/dashboard");
        grace.locator("#reservations tbody tr td:nth-child(2)")
                .allTextContents()
                .forEach(holders::add);
        assertThat(holders).containsExactlyInAnyOrder(ADA, BOB, CY);

        ada.keyboard().press("Enter");
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=answered$"));
        assertThat(ada.getByRole(AriaRole.STATUS)).containsText("Your answer is in");
        // Never twice to one person: Ada's own link now says she answered it.
        ada.navigate(world.base() + "/tasks/" + taskId);
        assertThat(ada.locator("h1")).hasText("You answered this task");
        assertThat(Axe.seriousViolations(ada)).isEmpty();

        bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        assertThat(bob).hasURL(Pattern.compile(".*/queue\\?notice=answered$"));
        cy.keyboard().press("Enter");
        assertThat(cy).hasURL(Pattern.compile(".*/queue\\?notice=answered$"));

        // 67% (Ada-Bob 1, Ada-Cy 0.5, Bob-Cy 0.5) is under 80%: still pending, no callback, waiting for Grace.
        JsonNode waiting = world.taskJson(taskId);
        assertThat(waiting.path("status").asString()).isEqualTo("pending");
        assertThat(waiting.has("response")).isFalse();
        assertThat(callbacksOf(taskId)).isZero();

        grace.navigate(world.base() + "/queue");
        grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Consensus"))
                .click();
        assertThat(grace.locator("tr", new Page.LocatorOptions().setHasText(taskId)))
                .containsText("67%");
        assertThat(Axe.seriousViolations(grace)).isEmpty();
        grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Decide"))
                .click();
        assertThat(grace.locator("#agreement")).containsText("67%");
        assertThat(grace.locator("#answers tbody tr")).hasCount(3);
        assertThat(grace.locator("#answers tr", new Page.LocatorOptions().setHasText(CY)))
                .containsText("50%");
        assertThat(grace.locator("#answers tr", new Page.LocatorOptions().setHasText(BOB)))
                .containsText("75%");
        grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show " + BOB))
                .click();
        assertThat(grace.locator("h2", new Page.LocatorOptions().setHasText("Answer of")))
                .hasText("Answer of " + BOB);
        grace.waitForSelector("#canvas[data-ready=true]");
        assertThat(Axe.seriousViolations(grace)).isEmpty();
        screenshot(grace, "26-consensus");
        grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pick " + BOB))
                .click();
        assertThat(grace.getByRole(AriaRole.STATUS)).containsText("completed with " + BOB + "'s answer");

        // The API: completed with Bob's box, and one callback.
        JsonNode task = world.taskJson(taskId);
        assertThat(task.path("status").asString()).isEqualTo("completed");
        JsonNode boxes = task.path("response").path("annotations");
        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).path("label").asString()).isEqualTo("car");
        assertThat(boxes.get(0).path("left").asDouble()).isCloseTo(100, org.assertj.core.data.Offset.offset(1.0));
        assertThat(boxes.get(0).path("width").asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
        await().atMost(Duration.ofSeconds(10)).until(() -> callbacksOf(taskId) == 1);
        JsonNode log = UiWorld.ok(world.control.get("/_emulator/callbacks?task_id=" + taskId))
                .json()
                .path("docs");
        assertThat(log).hasSize(1);
        var delivery = world.deliveries().stream()
                .filter(d -> d.body().path("task_id").asString().equals(taskId))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.body().path("response")).isEqualTo(task.path("response"));
        // The individual answers stay off the task; the emulator's own endpoint has them.
        assertThat(task.has("answers")).isFalse();
        JsonNode record =
                UiWorld.ok(world.control.get("/_emulator/consensus/" + taskId)).json();
        assertThat(record.path("state").asString()).isEqualTo("picked");
        assertThat(record.path("chosen").asString()).isEqualTo(BOB);
        assertThat(record.path("decided_by").asString()).isEqualTo(GRACE);
        assertThat(record.path("score").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(record.path("answers")).hasSize(3);
        assertThat(record.path("answers").get(2).path("email").asString()).isEqualTo(CY);
        // A second decision (another tab) is refused and changes nothing.
        grace.navigate(world.base() + "/consensus/" + taskId);
        assertThat(grace.locator("#decision")).containsText(GRACE + " picked " + BOB + "'s answer");
        assertThat(grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pick " + ADA)))
                .hasCount(0);
        // The completed task waits on Review like any other, with its consensus.
        grace.navigate(world.base() + "/review/" + taskId);
        assertThat(grace.locator("#consensus")).containsText("3 answers agreed 67%");
        assertThat(Axe.seriousViolations(grace)).isEmpty();
    }

    @Test
    void theApiRefusesASettingThatIsNotANumberOfPeopleNamingTheField() {
        world.studioProject("Checks", "categorization");
        Http.Resp zero = world.api.post("/v1/projects/Checks/setParams", "{\"labelers_per_task\": 0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("error").asString()).contains("labelers_per_task");
        Http.Resp text = world.api.post("/v1/projects/Checks/setParams", "{\"labelers_per_task\": \"3\"}");
        assertThat(text.status()).isEqualTo(400);
        Http.Resp threshold = world.api.post(
                "/v1/projects",
                "{\"name\": \"Checks2\", \"type\": \"categorization\", \"params\": {\"consensus_threshold\": 1.5}}");
        assertThat(threshold.status()).isEqualTo(400);
        assertThat(threshold.json().path("error").asString()).contains("params.consensus_threshold");
        UiWorld.ok(world.api.post("/v1/projects/Checks/setParams", "{\"labelers_per_task\": 2, \"patch\": true}"));
    }
}
