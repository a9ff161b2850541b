package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes the README's screenshots of every screen into {@code docs/screenshots/}, from a small team's day of work
 * (the emulator's clock moves forward between completions so the chart has a shape). Not part of {@code verify}:
 * run it with {@code ./mvnw -o -pl scale-emulator -am verify -Dtest=UiScreenshotsTest -Dgroups=screenshots
 * -Dsurefire.excludedGroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("screenshots")
class UiScreenshotsTest {
    private static final String LABELER = "ada@lighthouse.example";
    private static final String MANAGER = "grace@lighthouse.example";

    /** A clock the tool moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void everyScreen() throws Exception {
        Path out = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();
        Files.createDirectories(out);
        MovingClock clock = new MovingClock(Instant.now().minus(Duration.ofHours(23)));
        try (Chromium chromium = Chromium.launch();
                UiWorld world = new UiWorld(clock, Files.createTempDirectory("scale-ui-shots"))) {
            String labelerLink = world.invite(LABELER, "labeler");
            String managerLink = world.invite(MANAGER, "manager");
            seed(world, clock);

            BrowserContext anonymous = newContext(chromium);
            Page page = anonymous.newPage();
            page.navigate(world.base() + "/sign-in");
            shot(page, out, "01-sign-in");
            page.navigate(labelerLink);
            shot(page, out, "02-set-password");
            Pages.choosePassword(page, labelerLink);
            for (String project : List.of("Street scenes", "Press clippings", "Invoices", "Parking lots")) {
                world.assign(LABELER, project);
            }
            page.navigate(world.base() + "/queue");
            shot(page, out, "03-queue");

            page.navigate(world.base() + "/queue/next");
            Pages.dragOnImage(page, 90, 320, 280, 410);
            page.keyboard().press("Escape");
            page.keyboard().press("2");
            Pages.dragOnImage(page, 326, 244, 420, 338);
            page.keyboard().press("Escape");
            page.keyboard().press("1");
            Pages.dragOnImage(page, 470, 350, 660, 440);
            shot(page, out, "04-image-annotation");
            page.keyboard().press("?");
            shot(page, out, "05-shortcuts");
            page.keyboard().press("Escape");

            page.navigate(world.base() + "/tasks/" + world.ids.get("ner"));
            page.waitForSelector("#ner-text[data-ready=true]");
            for (String[] w : List.of(
                    new String[] {"Lovelace", "1"}, new String[] {"London", "2"}, new String[] {"Babbage", "1"})) {
                double[] r = Pages.wordRect(page, w[0]);
                page.mouse().dblclick(r[0] + r[2] / 2, r[1] + r[3] / 2);
                page.keyboard().press(w[1]);
            }
            shot(page, out, "06-named-entities");

            page.navigate(world.base() + "/tasks/" + world.ids.get("collect"));
            page.getByLabel("Vendor").fill("Lighthouse Imaging");
            page.getByLabel("Total").fill("1250");
            page.getByLabel("EUR").check();
            shot(page, out, "07-text-collection");

            page.navigate(world.base() + "/tasks/" + world.ids.get("segment"));
            page.waitForSelector("#canvas[data-ready=true]");
            page.keyboard().press("p");
            page.keyboard().press("3");
            for (double[] v : new double[][] {{0, 284}, {800, 284}, {800, 500}, {0, 500}}) {
                double[] s = Pages.screen(page, v[0], v[1]);
                page.mouse().click(s[0], s[1]);
            }
            page.keyboard().press("Enter");
            page.keyboard().press("4");
            for (double[] v : new double[][] {{0, 0}, {800, 0}, {800, 20}, {530, 20}, {530, 40}, {0, 40}}) {
                double[] s = Pages.screen(page, v[0], v[1]);
                page.mouse().click(s[0], s[1]);
            }
            page.keyboard().press("Enter");
            page.keyboard().press("b");
            page.keyboard().press("1");
            for (int y = 335; y <= 395; y += 15) {
                double[] a = Pages.screen(page, 100, y);
                double[] b = Pages.screen(page, 275, y);
                page.mouse().move(a[0], a[1]);
                page.mouse().down();
                page.mouse().move(b[0], b[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
                page.mouse().up();
            }
            shot(page, out, "08-segmentation");
            labelerDay(world, clock, page);
            anonymous.close();

            BrowserContext manager = newContext(chromium);
            Page m = manager.newPage();
            Pages.choosePassword(m, managerLink);
            m.navigate(world.base() + "/tasks/" + world.ids.get("categorize"));
            shot(m, out, "09-categorization");
            m.navigate(world.base() + "/tasks/" + world.ids.get("transcribe"));
            shot(m, out, "10-document-transcription");
            m.navigate(world.base() + "/tasks/" + world.ids.get("video"));
            m.waitForSelector("#canvas[data-ready=true]");
            Pages.dragOnImage(m, 90, 320, 280, 410);
            m.keyboard().press("Escape");
            Pages.dragOnImage(m, 470, 350, 660, 440);
            m.keyboard().press("c");
            m.keyboard().press("Shift+ArrowRight");
            shot(m, out, "11-video-frames");
            m.navigate(world.base() + "/tasks/" + world.ids.get("playback"));
            shot(m, out, "12-structured-editor");
            m.navigate(world.base() + "/dashboard");
            fullShot(m, out, "13-dashboard");
            m.locator("#labelers")
                    .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(out.resolve("24-labeler-statistics.png")));
            m.navigate(world.base() + "/dashboard/tasks?project=Street+scenes");
            shot(m, out, "14-task-table");
            m.navigate(world.base() + "/dashboard/tasks/" + world.ids.get("done"));
            fullShot(m, out, "15-task-detail");
            m.navigate(world.base() + "/review");
            fullShot(m, out, "16-review-queue");
            m.navigate(world.base() + "/review/" + world.ids.get("done"));
            m.waitForSelector("#canvas[data-ready=true]");
            m.getByLabel("Comment for the labeler").fill("The cyclist's box cuts off the front wheel.");
            m.evaluate("() => window.scrollTo(0, 0)");
            fullShot(m, out, "17-review-task");
            assertThat(m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject")))
                    .isVisible();
            teamScreens(world, clock, m, out);
            m.navigate(world.base() + "/tasks/" + world.ids.get("wildlife"));
            m.waitForSelector("#canvas[data-ready=true]");
            m.locator("#canvas").focus();
            m.keyboard().press("/");
            m.keyboard().type("bi");
            shot(m, out, "25-label-search");
            manager.close();
        }
    }

    /** The team screens: a task someone else holds, a broken image, Problems, rework and a refused submit. */
    private static void teamScreens(UiWorld world, MovingClock clock, Page m, Path out) {
        // The labeler holds the first street task (she opened it above).
        String held = world.emulator.services().reservations().running(world.account.accountId()).stream()
                .filter(l -> l.email().equals(LABELER))
                .findFirst()
                .orElseThrow()
                .taskId();
        m.navigate(world.base() + "/tasks/" + held);
        shot(m, out, "18-reserved-by-someone-else");

        String brokenId = world.ids.get("broken");
        m.navigate(world.base() + "/tasks/" + brokenId);
        m.waitForSelector("#canvas[data-ready=true]");
        m.getByLabel("Comment for the manager").fill("The photo link answers 404.");
        shot(m, out, "19-broken-attachment");
        m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report problem"))
                .click();
        m.waitForURL(url -> !url.contains(brokenId));
        m.navigate(world.base() + "/problems");
        fullShot(m, out, "20-problems");

        // The manager answers a categorization task, rejects it back to the same person, and redoes it.
        String cat = world.ids.get("categorize");
        m.navigate(world.base() + "/tasks/" + cat);
        m.keyboard().press("2");
        m.keyboard().press("Enter");
        m.waitForURL(url -> !url.contains(cat));
        m.navigate(world.base() + "/review/" + cat);
        m.getByLabel("Comment for the labeler").fill("The main vehicle is the red car, not the bicycle.");
        m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject"))
                .click();
        m.waitForURL(url -> url.contains("/review?notice="));
        m.navigate(world.base() + "/tasks/" + cat);
        shot(m, out, "21-rework");
        m.keyboard().press("1");
        m.keyboard().press("Enter");
        m.waitForURL(url -> !url.contains(cat));
        m.navigate(world.base() + "/review/" + cat);
        fullShot(m, out, "22-review-attempts");

        // A lease that ran out: the answer is kept on the page.
        m.navigate(world.base() + "/tasks/" + world.ids.get("playback"));
        clock.advance(Duration.ofMinutes(31));
        m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        shot(m, out, "23-reservation-expired");
    }

    /**
     * Ada answers four street tasks at a labeler's pace (the clock moves 3, 5, 2 and 4 minutes), and the manager
     * accepts two and rejects one through the API: the dashboard's per-labeler statistics.
     */
    private static void labelerDay(UiWorld world, MovingClock clock, Page page) {
        // The screens above reserved one task of each of her projects: she gives those back and does street work.
        for (String other : List.of("ner", "collect", "segment")) {
            world.emulator.services().reservations().release(world.account.accountId(), world.ids.get(other));
        }
        List<String> answered = new java.util.ArrayList<>();
        for (int minutes : new int[] {3, 5, 2, 4}) {
            page.navigate(world.base() + "/queue/next");
            page.waitForSelector("#canvas[data-ready=true]");
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);
            answered.add(id);
            page.keyboard().press("n");
            clock.advance(Duration.ofMinutes(minutes));
            page.keyboard().press("Enter");
            page.waitForURL(url -> !url.endsWith(id));
        }
        clock.advance(Duration.ofMinutes(10));
        // Through the audit service (the seeded fault answers the API's task writes with 429 for now).
        var owner = new dev.scaletoolkit.emulator.auth.Caller(world.account.accountId(), false);
        for (int i = 0; i < 3; i++) {
            world.emulator
                    .services()
                    .reviews()
                    .audit(owner, answered.get(i), UiWorld.json("{\"accepted\": " + (i < 2) + "}"), MANAGER);
        }
    }

    private static BrowserContext newContext(Chromium chromium) {
        return chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
    }

    private static void shot(Page page, Path out, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(name + ".png")));
    }

    private static void fullShot(Page page, Path out, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(out.resolve(name + ".png")).setFullPage(true));
    }

    private static String box(String label, int left, int top, int width, int height, String occluded) {
        return "{\"uuid\": \"" + java.util.UUID.randomUUID() + "\", \"type\": \"box\", \"label\": \"" + label
                + "\", \"attributes\": {\"occluded\": \"" + occluded + "\"}, \"left\": " + left + ", \"top\": " + top
                + ", \"width\": " + width + ", \"height\": " + height + "}";
    }

    /** Projects of every kind, batches, tasks, a day of completions, one audit and a fault in force. */
    private static void seed(UiWorld world, MovingClock clock) {
        world.studioProject("Street scenes", "imageannotation");
        world.studioProject("Press clippings", "namedentityrecognition");
        world.studioProject("Invoices", "textcollection");
        world.studioProject("Parking lots", "segmentannotation");
        world.studioProject("Catalog", "categorization");
        world.studioProject("Receipts", "documenttranscription");
        world.studioProject("Dashcam", "videoannotation");
        world.batch("Street scenes", "streets-monday");
        world.batch("Street scenes", "streets-tuesday");
        world.batch("Press clippings", "press-week-48");
        world.batch("Catalog", "catalog-spring");
        String image = "{\"project\": \"Street scenes\", \"batch\": \"%s\", \"instruction\":"
                + " \"## Vehicles and cyclists\\n\\nDraw a **tight box** around every car and cyclist.\\n\\n"
                + "- Include mirrors\\n- Skip parked bicycles\\n- Mark *occluded* when less than half is"
                + " visible\", \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\", \"cyclist\","
                + " \"pedestrian\"]}}, \"annotation_attributes\": {\"occluded\": {\"type\": \"category\","
                + " \"description\": \"Occluded?\", \"choices\": [\"no\", \"yes\"]}}, \"image_metadata\":"
                + " {\"width\": 800, \"height\": 500}}";
        ObjectNode first = UiWorld.json(image.formatted("streets-monday"));
        first.put("attachment", world.imageUrl());
        world.ids.put("image", world.task("imageannotation", first));
        for (int i = 0; i < 26; i++) {
            ObjectNode t = UiWorld.json(image.formatted(i % 2 == 0 ? "streets-monday" : "streets-tuesday"));
            t.put("attachment", world.imageUrl());
            String id = world.task("imageannotation", t);
            if (i < 18) {
                clock.advance(Duration.ofMinutes(35 + (i * 17) % 50));
                // The last one answered as a careful person would, to show on the review screen.
                String answer = i < 17
                        ? "{}"
                        : "{\"response\": {\"annotations\": ["
                                + box("car", 90, 318, 192, 94, "no") + ", " + box("cyclist", 328, 246, 90, 92, "no")
                                + ", " + box("car", 470, 350, 190, 92, "yes") + "]}}";
                UiWorld.ok(world.control.post("/_emulator/tasks/" + id + "/complete", answer));
                world.ids.put("done", id);
            }
        }
        for (int i = 0; i < 9; i++) {
            ObjectNode t = UiWorld.json("{\"project\": \"Catalog\", \"batch\": \"catalog-spring\", \"instruction\":"
                    + " \"Which kind of vehicle is this?\", \"attachment_type\": \"image\", \"categories\":"
                    + " [\"car\", \"bicycle\", \"truck\", \"bus\"]}");
            t.put("attachment", world.imageUrl());
            String id = world.task("categorization", t);
            if (i < 7) {
                clock.advance(Duration.ofMinutes(40));
                UiWorld.ok(world.control.post("/_emulator/tasks/" + id + "/complete", "{}"));
            } else {
                world.ids.put("categorize", id);
            }
        }
        ObjectNode ner = UiWorld.json("{\"project\": \"Press clippings\", \"batch\": \"press-week-48\","
                + " \"instruction\": \"Mark every **person** and **place**.\", \"labels\": [\"PERSON\", \"PLACE\","
                + " \"DATE\"], \"text\": \"In 1843 Ada Lovelace published her notes on the Analytical Engine of"
                + " Charles Babbage, written at her home in London and read across Europe.\"}");
        world.ids.put("ner", world.task("namedentityrecognition", ner));
        world.ids.put(
                "collect",
                world.task(
                        "textcollection",
                        UiWorld.json(
                                "{\"project\": \"Invoices\","
                                        + " \"instruction\": \"Copy the vendor, the total and its currency from the invoice.\","
                                        + " \"attachments\": [{\"type\": \"text\", \"content\": \"INVOICE 442 - Lighthouse Imaging BV,"
                                        + " Harbour Road 12, Rotterdam. Annotation services, November. Total due: 1,250.00 EUR by"
                                        + " 15 December.\"}], \"fields\": [{\"type\": \"text\", \"field_id\": \"vendor\", \"title\":"
                                        + " \"Vendor\", \"required\": true}, {\"type\": \"number\", \"field_id\": \"total\", \"title\":"
                                        + " \"Total\", \"description\": \"Without thousands separators\"}, {\"type\": \"category\","
                                        + " \"field_id\": \"currency\", \"title\": \"Currency\", \"choices\": [\"EUR\", \"USD\","
                                        + " \"GBP\"]}, {\"type\": \"text\", \"field_id\": \"due\", \"title\": \"Due date\"}]}")));
        ObjectNode segment = UiWorld.json("{\"project\": \"Parking lots\", \"instruction\": \"Paint the road,"
                + " the cars and the buildings.\", \"labels\": [\"car\", \"building\", \"road\", \"sky\"]}");
        segment.put("attachment", world.imageUrl());
        world.ids.put("segment", world.task("segmentannotation", segment));
        ObjectNode receipt = UiWorld.json("{\"project\": \"Receipts\", \"instruction\": \"Transcribe the merchant"
                + " and the total of each page.\", \"features\": [{\"type\": \"block\", \"label\": \"Merchant\"},"
                + " {\"type\": \"block\", \"label\": \"Total\"}]}");
        receipt.put("attachment", world.imageUrl());
        world.ids.put("transcribe", world.task("documenttranscription", receipt));
        ObjectNode video = UiWorld.json("{\"project\": \"Dashcam\", \"instruction\": \"Track every car over the"
                + " three frames.\", \"attachment_type\": \"image\", \"geometries\": {\"box\":"
                + " {\"objects_to_annotate\": [\"car\"]}}}");
        video.putArray("attachments")
                .add(world.imageUrl())
                .add(world.imageUrl())
                .add(world.imageUrl());
        world.ids.put("video", world.task("videoannotation", video));
        world.studioProject("Dashcam clips", "videoplaybackannotation");
        world.ids.put(
                "playback",
                world.task(
                        "videoplaybackannotation",
                        UiWorld.json("{\"project\": \"Dashcam clips\","
                                + " \"instruction\": \"Box every car in the clip.\", \"attachment\":"
                                + " \"https://example.com/dashcam/clip-0042.mp4\", \"frame_rate\": 1,"
                                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\", \"truck\"]}}}")));
        clock.advance(Duration.ofMinutes(30));
        UiWorld.ok(world.api.post(
                "/v1/task/" + world.ids.get("done") + "/audit",
                "{\"accepted\": true, \"comments\": \"Tight boxes, thanks.\"}"));
        // Twelve labels: the screen offers a filter.
        world.studioProject("Wildlife", "imageannotation");
        ObjectNode wildlife = UiWorld.json("{\"project\": \"Wildlife\", \"instruction\": \"Box every animal.\","
                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"bear\", \"bison\", \"bird\", \"deer\","
                + " \"eagle\", \"fox\", \"hare\", \"lynx\", \"moose\", \"rabbit\", \"robin\", \"wolf\"]}}}");
        wildlife.put("attachment", world.imageUrl());
        world.ids.put("wildlife", world.task("imageannotation", wildlife));
        // A task whose image answers 404 (the team screens report it).
        ObjectNode broken = UiWorld.json("{\"project\": \"Street scenes\", \"instruction\": \"Box every car.\","
                + " \"attachment_type\": \"image\", \"geometries\": {\"box\": {\"objects_to_annotate\":"
                + " [\"car\"]}}}");
        broken.put("attachment", world.missingImageUrl());
        world.ids.put("broken", world.task("imageannotation", broken));
        UiWorld.ok(world.control.post(
                "/_emulator/faults",
                "{\"method\": \"POST\", \"path_prefix\": \"/v1/task\", \"phase\": \"before\", \"status\": 429,"
                        + " \"retry_after_seconds\": 2, \"times\": 3}"));
    }
}
