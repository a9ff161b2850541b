package dev.scaletoolkit.emulator.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.scaletoolkit.emulator.ShiftedClock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reservation, as two labelers and a manager meet it in two browsers: Start labeling gives Ada and Bob different
 * tasks, a task someone holds cannot be opened by another, an expired lease hands the task on while the first
 * labeler's answer survives on the page that refuses it, and a manager releases a reservation from the dashboard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReservationBrowserTest {
    private static final String ADA = "ada@streets.example";
    private static final String BOB = "bob@streets.example";
    private static final String GRACE = "grace@streets.example";

    private static final ShiftedClock CLOCK = new ShiftedClock();
    private static Chromium chromium;
    private static UiWorld world;
    private static Page ada;
    private static Page bob;
    private static Page grace;
    private static String first;
    private static String second;

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        world = UiWorld.on(CLOCK);
        world.studioProject("Catalog", "categorization");
        world.batch("Catalog", "catalog-1");
        ada = Pages.signedIn(chromium, world, ADA, "labeler", 1280, 860);
        bob = Pages.signedIn(chromium, world, BOB, "labeler", 1280, 860);
        grace = Pages.signedIn(chromium, world, GRACE, "manager", 1280, 860);
        world.assign(ADA, "Catalog");
        world.assign(BOB, "Catalog");
        first = task("A red bicycle with a basket");
        second = task("A blue car on a bridge");
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

    private static void startLabeling(Page page) {
        page.navigate(world.base() + "/queue");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                .click();
    }

    @Test
    @Order(1)
    void twoLabelersWhoStartAtOnceGetDifferentTasksAndCannotOpenEachOthers() {
        startLabeling(ada);
        startLabeling(bob);
        assertThat(ada).hasURL(world.base() + "/tasks/" + first);
        assertThat(bob).hasURL(world.base() + "/tasks/" + second);
        assertThat(ada.locator("#lease")).containsText("for you until");
        assertThat(Axe.seriousViolations(ada)).isEmpty();

        // Start labeling again (a second tab, a reload) gives Ada her own task back, not Bob's and not a new one.
        Page again = ada.context().newPage();
        startLabeling(again);
        assertThat(again).hasURL(world.base() + "/tasks/" + first);
        again.close();

        // Bob follows a link to Ada's task: the page says who has it and does not let him label it.
        bob.navigate(world.base() + "/tasks/" + first);
        assertThat(bob.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Someone else is on this task")))
                .isVisible();
        assertThat(bob.getByRole(AriaRole.ALERT)).containsText(ADA);
        assertThat(bob.locator("#submit-form")).hasCount(0);
        assertThat(Axe.seriousViolations(bob)).isEmpty();

        // The manager sees both reservations on the dashboard.
        grace.navigate(world.base() + "/dashboard");
        assertThat(grace.locator("#reservations")).containsText(ADA);
        assertThat(grace.locator("#reservations")).containsText(BOB);
        assertThat(Axe.seriousViolations(grace)).isEmpty();
    }

    @Test
    @Order(2)
    void anExpiredLeaseHandsTheTaskOnAndTheRefusedAnswerIsKeptOnThePage() {
        bob.navigate(world.base() + "/tasks/" + second);
        bob.keyboard().press("2"); // car
        bob.keyboard().press("Enter");
        // Nothing is left for Bob: the only pending task is Ada's.
        assertThat(bob).hasURL(Pattern.compile(".*/queue\\?notice=done$"));
        assertThat(world.taskJson(second).path("status").asString()).isEqualTo("completed");

        ada.navigate(world.base() + "/tasks/" + first);
        ada.getByLabel("bicycle").check();
        // Her choice is saved as a draft (which renews the lease); then she leaves the page alone for 31 minutes.
        assertThat(ada.locator("#draft-status")).hasText("Draft saved");
        CLOCK.advance(Duration.ofMinutes(31));
        startLabeling(bob);
        assertThat(bob).hasURL(world.base() + "/tasks/" + first);

        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit"))
                .click();
        assertThat(ada.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Someone else has this task now")))
                .isVisible();
        assertThat(ada.getByRole(AriaRole.ALERT)).containsText(BOB);
        assertThat(ada.getByLabel("Your answer"))
                .hasValue(Pattern.compile(".*\"category\" : \"bicycle\".*", Pattern.DOTALL));
        assertThat(ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit anyway")))
                .hasCount(0);
        assertThat(Axe.seriousViolations(ada)).isEmpty();
        assertThat(world.taskJson(first).path("status").asString()).isEqualTo("pending");
    }

    @Test
    @Order(3)
    void aManagerReleasesAReservationAndTheTaskGoesBackToTheQueue() {
        grace.navigate(world.base() + "/dashboard");
        var row = grace.locator("#reservations tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(BOB));
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Release"))
                .click();
        assertThat(grace.locator("#reservations")).not().containsText(BOB);

        startLabeling(ada);
        assertThat(ada).hasURL(world.base() + "/tasks/" + first);
        // Bob's page renews its lease and learns that the task is Ada's now.
        bob.evaluate("() => window.scaleRenewLease()");
        assertThat(bob.locator("#lease-alert")).containsText(ADA);
    }

    @Test
    @Order(4)
    void aLabelerWhoseLeaseRanOutSubmitsAnywayWhenNobodyElseTookTheTask() {
        ada.navigate(world.base() + "/tasks/" + first);
        // Her draft from before brings her choice back.
        assertThat(ada.getByLabel("bicycle")).isChecked();
        assertThat(ada.locator("#draft-status")).hasText("Draft restored");
        CLOCK.advance(Duration.ofMinutes(31));
        ada.keyboard().press("Enter");
        assertThat(ada.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your reservation expired")))
                .isVisible();
        assertThat(world.taskJson(first).path("status").asString()).isEqualTo("pending");
        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit anyway"))
                .click();
        assertThat(ada).hasURL(Pattern.compile(".*/queue\\?notice=done$"));
        var done = world.taskJson(first);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("response").path("category").asString()).isEqualTo("bicycle");
    }
}
