package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command that is a thin face on one agent tool: it maps its options to the tool's arguments, calls the tool
 * through the same registry agents use (same validation, same envelope), and prints {@code data} as pretty JSON.
 * A failed call prints the tool's error message on standard error and exits with 1; usage errors exit with 2.
 */
abstract class ToolBackedCommand implements Callable<Integer> {
    static final int TOOL_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    TargetOptions target;

    @CommandLine.Mixin
    OutputOptions output;

    /** The tool slug this command calls. */
    abstract String tool();

    /** The tool's arguments, from this command's options. */
    abstract ObjectNode arguments();

    /** True for commands that list records (a table by default on a terminal). */
    boolean listing() {
        return false;
    }

    /** The table's columns when no {@code --fields} are given. */
    List<String> columns() {
        return List.of();
    }

    /** The fields that hold a record's id, for {@code --output id}. */
    List<String> idFields() {
        return List.of("task_id", "name", "id");
    }

    @Override
    public Integer call() {
        ObjectNode args = arguments();
        try (Target t = target.resolve(spec)) {
            ToolResult result = t.registry(tool()).call(tool(), args, null);
            if (result.successful()) {
                printer().print(result.data(), spec.commandLine().getOut());
                return 0;
            }
            return printError(spec, t, result.error());
        }
    }

    RecordPrinter printer() {
        return new RecordPrinter(
                output.effective(spec, listing()), output.fields, columns(), idFields(), ScaleCli.colour(spec));
    }

    /**
     * Prints a tool's error on standard error: exit 3 when Scale could not be reached (naming the URL), else 1.
     */
    static int printError(CommandLine.Model.CommandSpec spec, Target target, ToolError error) {
        PrintWriter err = spec.commandLine().getErr();
        if (ToolError.Code.NETWORK_ERROR.equals(error.code())) {
            err.println("scale: cannot reach " + target.apiUrl() + ": " + error.message());
            err.flush();
            return ExitCodes.UNREACHABLE;
        }
        String where = error.httpStatus() == null ? error.code() : error.code() + ", HTTP " + error.httpStatus();
        err.println("Error (" + where + "): " + error.message());
        if (error.retryable()) {
            err.println("This may succeed if you try again"
                    + (error.retryAfterSeconds() == null ? "." : " in " + error.retryAfterSeconds() + " s."));
        }
        err.flush();
        return TOOL_FAILED;
    }

    static String pretty(JsonNode node) {
        return ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    // Argument helpers: options left out stay out of the arguments, so the tool's defaults apply.

    static ObjectNode args() {
        return ScaleJson.mapper().createObjectNode();
    }

    static void put(ObjectNode args, String field, String value) {
        if (value != null) {
            args.put(field, value);
        }
    }

    static void put(ObjectNode args, String field, Integer value) {
        if (value != null) {
            args.put(field, value);
        }
    }

    /** Flags are sent only when set, so an unset flag never overrides a default. */
    static void flag(ObjectNode args, String field, boolean value) {
        if (value) {
            args.put(field, true);
        }
    }

    static void put(ObjectNode args, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            var array = args.putArray(field);
            values.forEach(array::add);
        }
    }

    /** Reads an option holding a JSON object; bad JSON is a usage error naming the option. */
    void putJson(ObjectNode args, String field, String option, String json) {
        if (json == null) {
            return;
        }
        try {
            args.set(field, ScaleJson.mapper().readTree(json));
        } catch (JacksonException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Parent commands print their usage when called without a subcommand. */
    abstract static class Group implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
