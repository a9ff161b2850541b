package dev.scaletoolkit.emulator.web;

/** A labelled progress bar: the native element, so screen readers announce it. */
final class Progress {
    private Progress() {}

    static String bar(int done, int total, String what) {
        int percent = total == 0 ? 0 : (int) Math.round(100.0 * done / total);
        return "<div class=\"progress\"><progress max=\"" + Math.max(total, 1) + "\" value=\"" + done
                + "\" aria-label=\"" + Html.esc("Completed " + what) + "\">" + percent + "%</progress><span>" + done
                + " of " + total + "</span></div>";
    }
}
