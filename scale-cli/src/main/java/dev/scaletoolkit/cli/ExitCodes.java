package dev.scaletoolkit.cli;

/** The exit codes every command uses; documented in the top-level help and the module README. */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** Scale (or the emulator) answered with an error, a tool failed, or a wait timed out. */
    static final int FAILED = 1;
    /** The command line was wrong: unknown option, bad value, conflicting options, a missing file. */
    static final int USAGE = 2;
    /** No Scale to talk to: nothing answers at the URL, the recorded emulator is gone, or none is known. */
    static final int UNREACHABLE = 3;

    private ExitCodes() {}
}
