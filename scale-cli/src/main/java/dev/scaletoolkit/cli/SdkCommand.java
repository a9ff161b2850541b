package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * A command that calls the typed SDK (or the emulator's control plane) rather than one tool: waits, exports,
 * bulk runs. It gets the same target options as every command; errors map to exit codes in {@link ScaleCli}.
 */
abstract class SdkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    TargetOptions target;

    /** Runs against the resolved target and returns the exit code. */
    abstract int run(Target target) throws Exception;

    @Override
    public Integer call() throws Exception {
        try (Target t = target.resolve(spec)) {
            return run(t);
        }
    }

    /** Prints one record (a task, a batch) in the format asked for. */
    void print(OutputOptions output, Object value, List<String> idFields) {
        JsonNode json = value instanceof JsonNode n ? n : ScaleJson.mapper().valueToTree(value);
        new RecordPrinter(output.effective(spec, false), output.fields, List.of(), idFields, ScaleCli.colour(spec))
                .print(json, spec.commandLine().getOut());
    }

    /** One line for people on standard error. */
    void note(String line) {
        spec.commandLine().getErr().println(line);
        spec.commandLine().getErr().flush();
    }
}
