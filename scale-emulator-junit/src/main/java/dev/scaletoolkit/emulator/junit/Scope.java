package dev.scaletoolkit.emulator.junit;

/** What a test class shares with the other classes of its JVM. */
public enum Scope {
    /**
     * The JVM's emulator, emptied before the class's first test (projects, tasks, batches, files and faults
     * deleted; the account and its keys stay). The default: each class starts from nothing, and only the first
     * class of the run waits for the emulator to start.
     */
    CLASS,
    /** The JVM's emulator as the previous classes left it: nothing is deleted. */
    JVM,
    /**
     * An emulator of the class's own, in a JVM of its own, stopped and deleted after the class. For classes that
     * run in parallel with others (JUnit's parallel execution), where one class's reset would empty another's data.
     */
    ISOLATED
}
