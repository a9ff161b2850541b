package dev.scaletoolkit.tools;

/**
 * Receives progress from long-running tools (waiting, bulk creation). The shape follows MCP progress
 * notifications, so an MCP server can forward each call unchanged.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that drops every report. */
    ProgressListener NONE = (progress, total, message) -> {};

    /**
     * Reports that {@code progress} units are done.
     *
     * @param total the number of units expected, or {@code null} when unknown
     * @param message a short human-readable status line
     */
    void onProgress(double progress, Double total, String message);
}
