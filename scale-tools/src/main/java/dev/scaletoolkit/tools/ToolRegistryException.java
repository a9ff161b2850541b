package dev.scaletoolkit.tools;

import java.util.List;

/** The catalog and the handlers do not agree, or a schema is broken: the registry refuses to start. */
public final class ToolRegistryException extends IllegalStateException {
    private final List<String> problems;

    public ToolRegistryException(List<String> problems) {
        super("The tool catalog cannot be loaded (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, e.g. {@code SCALE_AI_GET_TASK: no handler}. */
    public List<String> problems() {
        return problems;
    }
}
