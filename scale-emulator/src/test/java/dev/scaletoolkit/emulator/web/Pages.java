package dev.scaletoolkit.emulator.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;

/** What a person does on the UI's pages, written once for the browser tests. */
final class Pages {
    static final String PASSWORD = "correct horse battery";

    private Pages() {}

    /**
     * A teammate invited with {@code role}, in a browser of their own with a window of this size, who has chosen
     * {@link #PASSWORD} and is signed in.
     */
    static Page signedIn(Chromium chromium, UiWorld world, String email, String role, int width, int height) {
        Page page = chromium.person(width, height);
        choosePassword(page, world.invite(email, role));
        return page;
    }

    /** Opens a set-password link and chooses {@link #PASSWORD}; the browser ends up signed in. */
    static void choosePassword(Page page, String link) {
        page.navigate(link);
        page.getByLabel("New password").fill(PASSWORD);
        page.getByLabel("Type it again").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save password and sign in"))
                .click();
    }

    static void signIn(Page page, String base, String email, String password) {
        page.navigate(base + "/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /** Where image pixel (x, y) is on the screen, from the transform the editor publishes on its canvas. */
    static double[] screen(Page page, double x, double y) {
        page.waitForSelector("#canvas[data-ready=true]");
        BoundingBox box = page.locator("#canvas").boundingBox();
        @SuppressWarnings("unchecked")
        List<Object> view = (List<Object>) page.evaluate(
                "() => { const d = document.getElementById('canvas').dataset; return [d.scale, d.ox, d.oy]; }");
        double scale = Double.parseDouble(view.get(0).toString());
        double ox = Double.parseDouble(view.get(1).toString());
        double oy = Double.parseDouble(view.get(2).toString());
        return new double[] {box.x + ox + x * scale, box.y + oy + y * scale};
    }

    /** Drags the mouse between two image points, as a labeler draws a box. */
    static void dragOnImage(Page page, double x1, double y1, double x2, double y2) {
        double[] a = screen(page, x1, y1);
        double[] b = screen(page, x2, y2);
        page.mouse().move(a[0], a[1]);
        page.mouse().down();
        page.mouse().move(b[0], b[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    /**
     * The screen rectangle {x, y, width, height} of the {@code n}-th occurrence of {@code word} in the entity
     * editor's text (read only; the test then uses the real mouse on it).
     */
    static double[] wordRect(Page page, String word) {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) page.evaluate("""
                (word) => {
                  const box = document.getElementById('ner-text');
                  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.textContent.indexOf(word);
                    if (at >= 0) {
                      const range = document.createRange();
                      range.setStart(node, at);
                      range.setEnd(node, at + word.length);
                      const b = range.getBoundingClientRect();
                      return [b.x, b.y, b.width, b.height];
                    }
                  }
                  return null;
                }""", word);
        return new double[] {
            ((Number) r.get(0)).doubleValue(),
            ((Number) r.get(1)).doubleValue(),
            ((Number) r.get(2)).doubleValue(),
            ((Number) r.get(3)).doubleValue()
        };
    }
}
