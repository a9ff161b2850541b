package dev.scaletoolkit.gateway.call;

/**
 * Asks a person to approve one call (over MCP, through elicitation). The gateway falls back to confirmation
 * tokens when no person can be asked.
 */
@FunctionalInterface
public interface Approver {
    /** What the person answered, or that nobody could be asked. */
    enum Answer {
        APPROVED,
        DECLINED,
        UNAVAILABLE
    }

    Answer ask(String message);

    Approver NONE = message -> Answer.UNAVAILABLE;
}
