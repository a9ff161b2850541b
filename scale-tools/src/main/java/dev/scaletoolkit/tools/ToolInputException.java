package dev.scaletoolkit.tools;

import java.util.List;

/** Arguments that fit the schema but break a rule the schema cannot say (e.g. "give task_id or id"). */
public final class ToolInputException extends RuntimeException {
    private final List<ToolError.Problem> problems;

    public ToolInputException(String field, String expected) {
        this(List.of(new ToolError.Problem(field, expected)));
    }

    public ToolInputException(List<ToolError.Problem> problems) {
        super(problems.toString(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ToolError.Problem> problems() {
        return problems;
    }
}
