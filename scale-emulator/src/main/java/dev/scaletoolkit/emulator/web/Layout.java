package dev.scaletoolkit.emulator.web;

/** The page shell: header with navigation by role, the main landmark, the hotkey help dialog. */
final class Layout {
    private Layout() {}

    static String page(String title, Viewer viewer, String active, String main) {
        StringBuilder out = new StringBuilder(4096 + main.length());
        out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.esc(title))
                .append(" · Scale Studio emulator</title>")
                .append("<link rel=\"icon\" href=\"" + StaticFiles.url("icon.svg") + "\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"" + StaticFiles.url("app.css") + "\">")
                .append("<script src=\"" + StaticFiles.url("app.js") + "\" defer></script>")
                .append("</head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
                .append("<header class=\"top\"><a class=\"brand\" href=\"/\">")
                .append("<img src=\"" + StaticFiles.url("icon.svg") + "\" alt=\"\" width=\"22\" height=\"22\">")
                .append("<span>Scale Studio</span><small>emulator</small></a>");
        if (viewer != null) {
            out.append("<nav aria-label=\"Main\">");
            link(out, "/queue", "Queue", active);
            if (viewer.isManager()) {
                link(out, "/review", "Review", active);
                link(out, "/consensus", "Consensus", active);
                link(out, "/problems", "Problems", active);
                link(out, "/dashboard", "Dashboard", active);
            }
            out.append("</nav><div class=\"who\"><span class=\"avatar\" aria-hidden=\"true\">")
                    .append(Html.esc(viewer.email().substring(0, 1).toUpperCase(java.util.Locale.ROOT)))
                    .append("</span><span><b>")
                    .append(Html.esc(viewer.email()))
                    .append("</b><small>")
                    .append(Html.esc(viewer.role()))
                    .append("</small></span>")
                    .append("<button type=\"button\" class=\"ghost\" data-help aria-haspopup=\"dialog\">")
                    .append("Shortcuts <kbd>?</kbd></button>")
                    .append("<form method=\"post\" action=\"/sign-out\">")
                    .append(Html.csrfField(viewer.csrfToken()))
                    .append("<button class=\"ghost\">Sign out</button></form></div>");
        }
        out.append("</header><main id=\"main\" tabindex=\"-1\">")
                .append(main)
                .append("</main>")
                .append(HELP)
                .append("</body></html>");
        return out.toString();
    }

    private static void link(StringBuilder out, String href, String label, String active) {
        out.append("<a href=\"").append(href).append('"');
        if (label.equals(active)) {
            out.append(" aria-current=\"page\"");
        }
        out.append('>').append(label).append("</a>");
    }

    private static final String HELP = """
            <div class="overlay" id="help" hidden>
            <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
            <h2 id="help-title">Keyboard shortcuts</h2>
            <table class="keys"><tbody>
            <tr><td><kbd>1</kbd>–<kbd>9</kbd></td><td>Pick a label (for the selected shape or text)</td></tr>
            <tr><td><kbd>B</kbd> <kbd>P</kbd> <kbd>L</kbd> <kbd>T</kbd> <kbd>H</kbd></td>\
            <td>Box, polygon, line, point, pan tool</td></tr>
            <tr><td><kbd>N</kbd></td><td>New shape of the current tool in the middle of the view</td></tr>
            <tr><td><kbd>Tab</kbd></td><td>Select the next shape</td></tr>
            <tr><td><kbd>←</kbd><kbd>↑</kbd><kbd>→</kbd><kbd>↓</kbd></td>\
            <td>Move the selection 1 px (<kbd>Shift</kbd>: 10 px)</td></tr>
            <tr><td><kbd>Alt</kbd> + arrows</td><td>Resize the selected box</td></tr>
            <tr><td><kbd>Delete</kbd></td><td>Remove the selection</td></tr>
            <tr><td><kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd></td>\
            <td>Undo / redo</td></tr>
            <tr><td><kbd>+</kbd> <kbd>-</kbd> <kbd>0</kbd></td><td>Zoom in, out, fit</td></tr>
            <tr><td><kbd>Enter</kbd></td><td>Finish the shape being drawn, or submit</td></tr>
            <tr><td><kbd>/</kbd></td><td>Filter the labels (screens with more than nine)</td></tr>
            <tr><td><kbd>S</kbd></td><td>Skip this task</td></tr>
            <tr><td><kbd>?</kbd></td><td>Show or hide this help</td></tr>
            </tbody></table>
            <button type="button" data-help-close>Close</button>
            </section></div>
            """;
}
