package dev.scaletoolkit.cli;

/**
 * The Scale a command should talk to cannot be reached, or there is none: exit code 3, with a message that names
 * the URL (or the state file) and what to do.
 */
final class Unreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message) {
        super(message);
    }

    Unreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
