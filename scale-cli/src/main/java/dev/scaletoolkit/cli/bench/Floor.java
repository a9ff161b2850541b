package dev.scaletoolkit.cli.bench;

/**
 * A program that does nothing: {@code scale bench --startup} starts it the way {@code ./scale} starts a short
 * command (same JVM options and archive), so its time is the floor every command's start is measured against.
 */
public final class Floor {
    private Floor() {}

    /** Exits at once. */
    public static void main(String[] args) {
        // nothing: the time to get here and exit is the figure
    }
}
