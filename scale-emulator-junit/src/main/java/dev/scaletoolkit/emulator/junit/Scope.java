package dev.scaletoolkit.emulator.junit;

/** How long one emulator lives. */
public enum Scope {
    /** Started before the first test of a class, stopped and deleted after its last. */
    CLASS,
    /**
     * Started once and shared by every class that asks for this scope with the same settings; stopped when the
     * test run ends. Call {@link RunningEmulator#reset()} where a class needs empty data.
     */
    JVM
}
