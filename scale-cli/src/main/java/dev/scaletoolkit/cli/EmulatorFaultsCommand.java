package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale emulator faults add|list|clear}: make the emulator fail on purpose, to test error paths. */
@Command(
        name = "faults",
        mixinStandardHelpOptions = true,
        description = "Add, list or clear fault rules: errors, Retry-After and latency on chosen calls.",
        subcommands = {
            EmulatorFaultsCommand.Add.class,
            EmulatorFaultsCommand.ListFaults.class,
            EmulatorFaultsCommand.Clear.class
        })
final class EmulatorFaultsCommand extends ToolBackedCommand.Group {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a fault rule and print it. Without --method or --path-prefix it hits every API call.",
                "--phase after_commit does the work and then answers the error (Scale's \"false 500\")."
            },
            footer = {
                "",
                "Examples:",
                "  ./scale emulator faults add --status 429 --retry-after 2 --times 2",
                "  ./scale emulator faults add --method POST --path-prefix /task/ --status 500 --phase after_commit",
                "  ./scale emulator faults add --latency-ms 1500 --times -1"
            })
    static final class Add extends SdkCommand {
        @Option(names = "--method", description = "Only this HTTP method, e.g. POST.")
        String method;

        @Option(names = "--path-prefix", paramLabel = "PREFIX", description = "Only paths (after /v1) starting so.")
        String pathPrefix;

        @Option(
                names = "--phase",
                defaultValue = "before",
                description = "before (nothing is done) or after_commit (default: ${DEFAULT-VALUE}).")
        String phase;

        @Option(names = "--status", description = "Answer this error status, 400 to 599.")
        Integer status;

        @Option(names = "--retry-after", paramLabel = "SECONDS", description = "Send Retry-After with the error.")
        Integer retryAfter;

        @Option(names = "--latency-ms", paramLabel = "MS", description = "Delay matching calls this long.")
        Integer latencyMs;

        @Option(
                names = "--times",
                defaultValue = "1",
                description = "How many calls it hits; -1 until cleared (default: ${DEFAULT-VALUE}).")
        int times;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() throws Exception {
            Suggest.oneOfOption(spec, "--phase", phase, List.of("before", "after_commit"));
            if (status == null && latencyMs == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "a fault needs --status or --latency-ms (or both)");
            }
            return super.call();
        }

        @Override
        int run(Target target) {
            Fault fault = new Fault(
                    method, pathPrefix, "before".equals(phase) ? null : phase, status, retryAfter, latencyMs, times);
            print(output, target.control().addFault(fault), List.of("id"));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Print the fault rules in force, each with the number of calls it has left (-1: until"
                    + " cleared). A table on a terminal, JSON otherwise.",
            footer = {"", "Examples:", "  ./scale emulator faults list", "  ./scale emulator faults list -o jsonl"})
    static final class ListFaults extends SdkCommand {
        @CommandLine.Mixin
        OutputOptions output;

        @Override
        int run(Target target) {
            ObjectNode listing = ScaleJson.mapper().createObjectNode();
            listing.set(
                    "docs",
                    ScaleJson.mapper()
                            .readTree(target.control().faults().path("faults").toJson()));
            new RecordPrinter(
                            output.effective(spec, true),
                            output.fields,
                            List.of(
                                    "method",
                                    "path_prefix",
                                    "phase",
                                    "status",
                                    "retry_after_seconds",
                                    "latency_ms",
                                    "times"),
                            List.of("id"),
                            ScaleCli.colour(spec))
                    .print(listing, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description = "Remove every fault rule.",
            footer = {"", "Example:", "  ./scale emulator faults clear"})
    static final class Clear extends SdkCommand {
        @Override
        int run(Target target) {
            target.control().clearFaults();
            note("scale emulator faults clear: no fault rules left");
            return ExitCodes.OK;
        }
    }
}
