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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A labeler invited through the API chooses a password, signs in and labels an image, an entity and a
 * text-collection task in a real Chromium; the API then shows each task completed with exactly that answer, and
 * the callback delivered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabelingBrowserTest {
    private static final String LABELER = "ada@streets.example";

    private static Chromium chromium;
    private static UiWorld world;
    private static Page page;
    private static boolean signedIn;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = new UiWorld();
        page = chromium.person(1400, 900);
    }

    @AfterAll
    static void stop() {
        Chromium.closeAfter(world, chromium);
    }

    @Test
    @Order(1)
    void anInvitedLabelerChoosesAPasswordThenSignsInWithIt() {
        String link = world.invite(LABELER, "labeler");
        Pages.choosePassword(page, link);
        assertThat(page).hasURL(world.base() + "/queue");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Queue")))
                .isVisible();
        JsonNode team = UiWorld.ok(world.api.get("/v1/teams")).json();
        assertThat(team.toString()).contains(LABELER);
        assertThat(world.emulator
                        .context()
                        .db()
                        .read(h -> dev.scaletoolkit.emulator.team.Teammates.find(h, world.account.accountId(), LABELER))
                        .orElseThrow()
                        .state())
                .isEqualTo("active");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(world.base() + "/sign-in");
        Pages.signIn(page, world.base(), LABELER, "not the password");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        Pages.signIn(page, world.base(), LABELER, Pages.PASSWORD);
        assertThat(page).hasURL(world.base() + "/queue");

        // The link worked once; the session cookie is HttpOnly and SameSite.
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("expired or was already used");
        var cookie = page.context().cookies().stream()
                .filter(c -> c.name.equals("scale_session"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite.toString()).isEqualToIgnoringCase("strict");
        signedIn = true;
    }

    @Test
    @Order(2)
    void boxesDrawnWithTheMouseAndTheKeyboardBecomeTheTaskResponseAndItsCallback() {
        ensureSignedIn();
        world.studioProject("Streets", "imageannotation");
        world.assign(LABELER, "Streets");
        world.batch("Streets", "streets-1");
        ObjectNode body = UiWorld.json("{\"project\": \"Streets\", \"batch\": \"streets-1\","
                + " \"instruction\": \"Draw a box around every **vehicle** and **cyclist**.\","
                + " \"attachment_type\": \"image\", \"geometries\": {\"box\": {\"objects_to_annotate\":"
                + " [\"car\", \"bicycle\", \"person\"]}}}");
        body.put("attachment", world.imageUrl());
        String taskId = world.task("imageannotation", body);

        page.navigate(world.base() + "/queue");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
        assertThat(page).hasURL(world.base() + "/tasks/" + taskId);
        assertThat(page.locator(".md strong").first()).hasText("vehicle");

        Pages.dragOnImage(page, 90, 320, 280, 410); // the red car, with the first label (car)
        page.keyboard().press("Escape");
        page.keyboard().press("2"); // bicycle
        Pages.dragOnImage(page, 330, 248, 416, 336);
        page.keyboard().press("Escape");
        page.keyboard().press("1"); // car again, this time without the mouse
        page.keyboard().press("n");
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("Shift+ArrowRight");
        }
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#count")).hasText("3");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/queue\\?notice=done$"));

        JsonNode task = world.taskJson(taskId);
        assertThat(task.path("status").asString()).isEqualTo("completed");
        JsonNode boxes = task.path("response").path("annotations");
        assertThat(boxes).hasSize(3);
        assertBox(boxes.get(0), "car", 90, 320, 190, 90);
        assertBox(boxes.get(1), "bicycle", 330, 248, 86, 88);
        // N puts a 120 x 90 box in the middle of the fitted image (400, 250); Shift+Right moves 10 px, Down 1 px.
        assertBox(boxes.get(2), "car", 400 - 60 + 30, 250 - 45 + 1, 120, 90);
        assertCallbackDelivered(taskId, 3);
    }

    @Test
    @Order(3)
    void entitiesPickedFromTheTextAreTheResponseWithTheirOffsets() {
        ensureSignedIn();
        world.studioProject("Press", "namedentityrecognition");
        world.assign(LABELER, "Press");
        world.batch("Press", "press-1");
        String text = "Ada Lovelace wrote to Charles Babbage from London in 1843.";
        ObjectNode body = UiWorld.json("{\"project\": \"Press\", \"batch\": \"press-1\","
                + " \"instruction\": \"Mark people and places.\", \"labels\": [\"PERSON\", \"PLACE\"]}");
        body.put("text", text);
        String taskId = world.task("namedentityrecognition", body);

        page.navigate(world.base() + "/queue/next");
        assertThat(page).hasURL(world.base() + "/tasks/" + taskId);
        page.waitForSelector("#ner-text[data-ready=true]");
        // "Ada Lovelace": a mouse drag across two words.
        double[] ada = Pages.wordRect(page, "Ada");
        double[] lovelace = Pages.wordRect(page, "Lovelace");
        page.mouse().move(ada[0] + 1, ada[1] + ada[3] / 2);
        page.mouse().down();
        page.mouse()
                .move(
                        lovelace[0] + lovelace[2] - 1,
                        lovelace[1] + lovelace[3] / 2,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(6));
        page.mouse().up();
        page.keyboard().press("1");
        double[] london = Pages.wordRect(page, "London");
        page.mouse().dblclick(london[0] + london[2] / 2, london[1] + london[3] / 2);
        page.keyboard().press("2");
        assertThat(page.locator("#count")).hasText("2");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/queue\\?notice=done$"));

        JsonNode task = world.taskJson(taskId);
        assertThat(task.path("status").asString()).isEqualTo("completed");
        JsonNode spans = task.path("response").path("annotations");
        assertThat(spans).hasSize(2);
        assertSpan(spans.get(0), text, "Ada Lovelace", "PERSON");
        assertSpan(spans.get(1), text, "London", "PLACE");
        assertCallbackDelivered(taskId, 2);
    }

    @Test
    @Order(4)
    void aTextCollectionFormAnswersWithOneValuePerField() {
        ensureSignedIn();
        world.studioProject("Invoices", "textcollection");
        world.assign(LABELER, "Invoices");
        world.batch("Invoices", "invoices-1");
        String taskId = world.task(
                "textcollection",
                UiWorld.json("{\"project\": \"Invoices\", \"batch\": \"invoices-1\","
                        + " \"instruction\": \"Copy the vendor and the total.\", "
                        + " \"attachments\": [{\"type\": \"text\","
                        + " \"content\": \"Invoice 442 from Lighthouse Imaging: 1250 EUR due in May.\"}],"
                        + " \"fields\": [{\"type\": \"text\", \"field_id\": \"vendor\", \"title\": \"Vendor\","
                        + " \"required\": true}, {\"type\": \"number\", \"field_id\": \"total\", \"title\": \"Total\"},"
                        + " {\"type\": \"category\", \"field_id\": \"currency\", \"title\": \"Currency\","
                        + " \"choices\": [\"EUR\", \"USD\"]}]}"));

        page.navigate(world.base() + "/queue/next");
        assertThat(page).hasURL(world.base() + "/tasks/" + taskId);
        page.getByLabel("Vendor").fill("Lighthouse Imaging");
        page.getByLabel("Total").fill("1250");
        page.getByLabel("EUR").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/queue\\?notice=done$"));

        JsonNode response = world.taskJson(taskId).path("response");
        assertThat(response.path("vendor").asString()).isEqualTo("Lighthouse Imaging");
        assertThat(response.path("total").asInt()).isEqualTo(1250);
        assertThat(response.path("currency").asString()).isEqualTo("EUR");
        assertCallbackDelivered(taskId, -1);
    }

    @Test
    @Order(5)
    void videoFramesAreLabeledOneByOneAndCarriedBoxesKeepTheirTrack() {
        ensureSignedIn();
        world.studioProject("Dashcam", "videoannotation");
        world.assign(LABELER, "Dashcam");
        ObjectNode body = UiWorld.json("{\"project\": \"Dashcam\", \"instruction\": \"Track the cars.\","
                + " \"attachment_type\": \"image\", \"frame_rate\": 2,"
                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\"]}}}");
        body.putArray("attachments").add(world.imageUrl()).add(world.imageUrl()).add(world.imageUrl());
        String taskId = world.task("videoannotation", body);

        page.navigate(world.base() + "/tasks/" + taskId);
        page.waitForSelector("#canvas[data-ready=true]");
        page.keyboard().press("n");
        page.keyboard().press("c"); // carry the box to frame 2 and go there
        assertThat(page.locator("#frame")).hasText("Frame 2 / 3");
        page.keyboard().press("Shift+ArrowRight");
        page.keyboard().press(".");
        assertThat(page.locator("#frame")).hasText("Frame 3 / 3");
        assertThat(page.locator("#count")).hasText("0");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/queue\\?notice=done$"));

        // Video answers are large, so the task holds a secure URL to them, as on Scale.
        String url = world.taskJson(taskId)
                .path("response")
                .path("annotations")
                .path("url")
                .asString();
        assertThat(url).startsWith(world.base() + "/v1/task/" + taskId + "/response_url/");
        JsonNode frames =
                UiWorld.ok(world.api.get(url.substring(world.base().length()))).json();
        assertThat(frames).hasSize(3);
        JsonNode first = frames.get(0).path("annotations").get(0);
        JsonNode second = frames.get(1).path("annotations").get(0);
        assertThat(frames.get(1).path("timestamp").asDouble()).isEqualTo(0.5);
        assertThat(second.path("uuid").asString()).isEqualTo(first.path("uuid").asString());
        assertThat(second.path("left").asDouble()).isEqualTo(first.path("left").asDouble() + 10);
        assertThat(frames.get(2).path("annotations")).isEmpty();
    }

    @Test
    @Order(6)
    void aPaintedSegmentationBecomesRunLengthMasksBehindResponseUrls() {
        ensureSignedIn();
        world.studioProject("Parking", "segmentannotation");
        world.assign(LABELER, "Parking");
        ObjectNode body = UiWorld.json("{\"project\": \"Parking\", \"instruction\": \"Paint the road.\","
                + " \"labels\": [\"road\", \"car\"]}");
        body.put("attachment", world.imageUrl());
        String taskId = world.task("segmentannotation", body);

        page.navigate(world.base() + "/tasks/" + taskId);
        page.waitForSelector("#canvas[data-ready=true]");
        page.keyboard().press("p"); // polygon fill over the road, label 1
        for (double[] v : new double[][] {{0, 300}, {800, 300}, {800, 500}, {0, 500}}) {
            double[] at = Pages.screen(page, v[0], v[1]);
            page.mouse().click(at[0], at[1]);
        }
        page.keyboard().press("Enter");
        page.keyboard().press("Enter"); // submit
        assertThat(page).hasURL(Pattern.compile(".*/queue\\?notice=done$"));

        JsonNode annotations = world.taskJson(taskId).path("response").path("annotations");
        JsonNode road = blob(annotations.path("labeled").path("road").asString());
        assertThat(road.path("width").asInt()).isEqualTo(UiWorld.IMAGE_WIDTH);
        assertThat(road.path("height").asInt()).isEqualTo(UiWorld.IMAGE_HEIGHT);
        assertThat(road.path("encoding").asString()).isEqualTo("rle");
        long total = 0;
        long painted = 0;
        for (int i = 0; i < road.path("counts").size(); i++) {
            long n = road.path("counts").get(i).asLong();
            total += n;
            if (road.path("values").get(i).asInt() == 1) {
                painted += n;
            }
        }
        assertThat(total).isEqualTo((long) UiWorld.IMAGE_WIDTH * UiWorld.IMAGE_HEIGHT);
        // The lower 200 rows, give or take the polygon's anti-aliased edge.
        assertThat(painted).isBetween(199L * UiWorld.IMAGE_WIDTH, 201L * UiWorld.IMAGE_WIDTH);
        assertThat(annotations.path("labeled").path("car").isNull()).isTrue();
    }

    private static JsonNode blob(String url) {
        assertThat(url).startsWith(world.base() + "/v1/task/");
        return UiWorld.ok(world.api.get(url.substring(world.base().length()))).json();
    }

    private static void ensureSignedIn() {
        if (!signedIn) {
            anInvitedLabelerSignsInQuietly();
        }
    }

    private static void anInvitedLabelerSignsInQuietly() {
        Pages.choosePassword(page, world.invite(LABELER, "labeler"));
        signedIn = true;
    }

    private static void assertBox(JsonNode box, String label, double left, double top, double width, double height) {
        assertThat(box.path("type").asString()).isEqualTo("box");
        assertThat(box.path("label").asString()).isEqualTo(label);
        assertThat(box.path("uuid").asString()).isNotBlank();
        assertThat(box.path("left").asDouble())
                .as("left of " + box)
                .isCloseTo(left, org.assertj.core.data.Offset.offset(1.5));
        assertThat(box.path("top").asDouble())
                .as("top of " + box)
                .isCloseTo(top, org.assertj.core.data.Offset.offset(1.5));
        assertThat(box.path("width").asDouble())
                .as("width of " + box)
                .isCloseTo(width, org.assertj.core.data.Offset.offset(2.0));
        assertThat(box.path("height").asDouble())
                .as("height of " + box)
                .isCloseTo(height, org.assertj.core.data.Offset.offset(2.0));
    }

    private static void assertSpan(JsonNode span, String text, String words, String label) {
        int start = text.indexOf(words);
        assertThat(span.path("start").asInt()).isEqualTo(start);
        assertThat(span.path("end").asInt()).isEqualTo(start + words.length());
        assertThat(span.path("text").asString()).isEqualTo(words);
        assertThat(span.path("label").asString()).isEqualTo(label);
    }

    /** The receiver got the completed task (with {@code annotations} answers when given), and the log says so. */
    private static void assertCallbackDelivered(String taskId, int annotations) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode log = UiWorld.ok(world.control.get("/_emulator/callbacks?task_id=" + taskId))
                    .json();
            assertThat(log.path("docs")).hasSize(1);
            assertThat(log.path("docs").get(0).path("state").asString()).isEqualTo("delivered");
        });
        var delivery = world.deliveries().stream()
                .filter(d -> d.body().path("task_id").asString().equals(taskId))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.body().path("status").asString()).isEqualTo("completed");
        if (annotations >= 0) {
            assertThat(delivery.body().path("response").path("annotations")).hasSize(annotations);
        }
    }
}
