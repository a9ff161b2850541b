package dev.scaletoolkit.emulator.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility engine, run inside a page. It comes from the npm registry the first time a test needs
 * it ({@code npm install axe-core} into {@code target/axe}); it is never copied into the repository. Without npm a
 * developer machine skips the check with one loud line; in CI ({@code CI=true}) that fails the test.
 */
final class Axe {
    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe");
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
    private static String source;

    private Axe() {}

    private static synchronized String source() {
        if (source != null) {
            return source;
        }
        try {
            if (!Files.isRegularFile(SCRIPT)) {
                Files.createDirectories(HOME);
                Process npm = new ProcessBuilder(
                                "npm",
                                "install",
                                "--prefix",
                                HOME.toString(),
                                "--no-save",
                                "--no-package-lock",
                                "--no-audit",
                                "--no-fund",
                                "axe-core@" + VERSION)
                        .redirectErrorStream(true)
                        .redirectOutput(HOME.resolve("npm.log").toFile())
                        .start();
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
                    unavailable("npm could not install axe-core " + VERSION + " (see " + HOME.resolve("npm.log") + ")");
                }
            }
            source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            return source;
        } catch (IOException e) {
            unavailable("npm is not available to install axe-core (" + e.getMessage() + ")");
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI must run the accessibility checks.");
        }
        System.err.println("!!!!! ACCESSIBILITY CHECK SKIPPED: " + message + " !!!!!");
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    /**
     * The serious and critical violations axe-core finds on the page as it is now, one line each ({@code rule:
     * selector}); empty when there are none.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
        page.evaluate("() => { if (!window.axe) {\n" + source() + "\n} }");
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await window.axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => ({ rule: v.id, impact: v.impact,
                                   where: v.nodes.map((n) => n.target.join(' ')).join(', ') }));
                }""");
        return found.stream()
                .map(v -> v.get("rule") + " (" + v.get("impact") + "): " + v.get("where"))
                .toList();
    }
}
