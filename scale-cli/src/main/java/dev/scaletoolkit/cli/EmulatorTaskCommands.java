package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code scale emulator complete|fail ID}: finish a pending task now, as a labeler would. */
final class EmulatorTaskCommands {
    private EmulatorTaskCommands() {}

    @Command(
            name = "complete",
            mixinStandardHelpOptions = true,
            description = {
                "Complete a pending task now and print it; its callback is sent as usual.",
                "Without --json the emulator makes up a response that fits the task type."
            },
            footer = {
                "",
                "Examples:",
                "  ./scale emulator complete 5f1e8b2c9d3a4e0012345678",
                "  ./scale emulator complete 5f1e8b2c9d3a4e0012345678 --json '{\"annotations\":[]}'"
            })
    static final class Complete extends SdkCommand {
        @Parameters(paramLabel = "TASK_ID", description = "The pending task.")
        String taskId;

        @Option(names = "--json", paramLabel = "JSON", description = "The response to store.")
        String json;

        @Option(names = "--json-file", paramLabel = "FILE", description = "Read the response from this file.")
        Path jsonFile;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() throws Exception {
            ToolsCommand.JsonInput.read(spec, json, jsonFile, null);
            return super.call();
        }

        @Override
        int run(Target target) {
            JsonNode response = ToolsCommand.JsonInput.read(spec, json, jsonFile, null);
            JsonValue given = response == null ? null : JsonValue.parse(response.toString());
            print(output, target.control().completeTask(taskId, given), List.of("task_id"));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "fail",
            mixinStandardHelpOptions = true,
            description = "Put a pending task in the error state now and print it.",
            footer = {"", "Example:", "  ./scale emulator fail 5f1e8b2c9d3a4e0012345678 --message 'image did not load'"
            })
    static final class Fail extends SdkCommand {
        @Parameters(paramLabel = "TASK_ID", description = "The pending task.")
        String taskId;

        @Option(names = "--message", description = "The error to record.")
        String message;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        int run(Target target) {
            print(output, target.control().failTask(taskId, message), List.of("task_id"));
            return ExitCodes.OK;
        }
    }
}
