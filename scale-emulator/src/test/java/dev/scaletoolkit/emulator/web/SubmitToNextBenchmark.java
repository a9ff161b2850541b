package dev.scaletoolkit.emulator.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submit → next task shown, as a labeler meets it in Chromium: an image task is answered (one box, Enter) and the
 * clock runs until the next task's canvas has its image and is ready for the mouse. Prints the median of 20 submits
 * (after the first of the session, printed apart) twice: as the page measures it (navigation start of the submit to
 * the editor's ready mark, redirects included) and as the test sees it (Enter pressed to ready seen). Asserts
 * nothing; run with
 * {@code ./mvnw -B -q -o -pl scale-emulator -am test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=SubmitToNextBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.redirectTestOutputToFile=false}.
 */
@Tag("benchmark")
class SubmitToNextBenchmark {
    private static final int SUBMITS = 20;
    private static final String ADA = "ada@bench.example";

    @Test
    void submitToNextTaskShown() throws Exception {
        try (Chromium chromium = Chromium.launch();
                UiWorld world = new UiWorld()) {
            world.studioProject("Streets", "imageannotation");
            world.batch("Streets", "streets-1");
            for (int i = 0; i < SUBMITS + 3; i++) {
                ObjectNode body = UiWorld.json("{\"project\": \"Streets\", \"batch\": \"streets-1\","
                        + " \"instruction\": \"Box every car.\","
                        + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"car\", \"bicycle\"]}}}");
                body.put("attachment", world.imageUrl() + "?n=" + i); // a different address each: no cache hit
                world.task("imageannotation", body);
            }
            try (BrowserContext context =
                    chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
                Page page = context.newPage();
                page.setDefaultTimeout(30_000);
                Pages.choosePassword(page, world.invite(ADA, "labeler"));
                world.assign(ADA, "Streets");
                page.navigate(world.base() + "/queue");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start labeling"))
                        .click();
                List<Double> inPage = new ArrayList<>();
                List<Double> seen = new ArrayList<>();
                List<List<Double>> breakdown = new ArrayList<>();
                for (int k = 0; k < PARTS.length; k++) {
                    breakdown.add(new ArrayList<>());
                }
                for (int i = 0; i <= SUBMITS; i++) {
                    page.waitForSelector("#canvas[data-ready=true]");
                    String before = page.url();
                    page.keyboard().press("n");
                    long start = System.nanoTime();
                    page.keyboard().press("Enter");
                    page.waitForFunction(
                            "(before) => location.href !== before && document.querySelector('#canvas[data-ready=true]')",
                            before);
                    double wall = (System.nanoTime() - start) / 1e6;
                    Object mark = page.evaluate(
                            "() => { const m = performance.getEntriesByName('scale-ready'); return m.length ? m[0].startTime : -1; }");
                    double ms = ((Number) mark).doubleValue();
                    @SuppressWarnings("unchecked")
                    List<Number> parts = (List<Number>) page.evaluate(BREAKDOWN);
                    if (i > 0) {
                        for (int k = 0; k < PARTS.length; k++) {
                            breakdown.get(k).add(parts.get(k).doubleValue());
                        }
                    }
                    if (i == 0) {
                        System.out.printf(
                                "%nfirst submit of the session: %.0f ms in the page, %.0f ms seen%n", ms, wall);
                    } else {
                        inPage.add(ms);
                        seen.add(wall);
                    }
                }
                System.out.printf(
                        "submit -> next task shown, median of %d: %.0f ms in the page (min %.0f, max %.0f),"
                                + " %.0f ms seen by the test%n",
                        SUBMITS, median(inPage), min(inPage), max(inPage), median(seen));
                StringBuilder where = new StringBuilder("where the time goes (medians, ms):");
                for (int k = 0; k < PARTS.length; k++) {
                    where.append(String.format(" %s %.0f", PARTS[k], median(breakdown.get(k))));
                }
                System.out.println(where);
                System.out.printf("load average: %s%n%n", loadAverage());
            }
        }
    }

    private static final String[] PARTS = {
        "submit+redirects", "task page", "page parsed", "image", "editor ready after image"
    };

    /** The navigation's own timings: the submit's redirect hops, the task page, parsing, the image, the editor. */
    private static final String BREAKDOWN = """
            () => {
              const n = performance.getEntriesByType('navigation')[0];
              const img = performance.getEntriesByType('resource').find((r) => r.initiatorType === 'img');
              const ready = performance.getEntriesByName('scale-ready')[0].startTime;
              const imageEnd = img ? img.responseEnd : n.domContentLoadedEventEnd;
              return [n.fetchStart, n.responseEnd - n.fetchStart, n.domContentLoadedEventEnd - n.responseEnd,
                      img ? img.responseEnd - img.startTime : 0, ready - imageEnd];
            }""";

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
