package dev.scaletoolkit.emulator.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, one browser per test class. Playwright never downloads a browser here.
 * Without {@code /usr/bin/chromium} a developer machine skips the browser tests with one loud line; in CI
 * ({@code CI=true}, where {@code .ci/run} installs it) a missing Chromium fails them.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = "Chromium is not installed at " + EXECUTABLE + " (apt-get install -y chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI must run the browser tests.");
            }
            System.err.println("!!!!! BROWSER TESTS SKIPPED: " + message + " !!!!!");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(EXECUTABLE)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--no-first-run",
                                    "--disable-sync")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * One person's browser: a context of their own (cookies, storage, drafts' leave-page state) with a window of
     * this size, and its page. Closing the browser closes every context, so tests need not track them.
     */
    Page person(int width, int height) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
        // Long enough for a loaded CI machine; a test waits for what it looks for, never for a fixed time.
        page.setDefaultTimeout(15_000);
        return page;
    }

    /** The end of a browser test class: its emulator, then its browser, each only if it was started. */
    static void closeAfter(UiWorld world, Chromium chromium) {
        if (world != null) {
            world.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
