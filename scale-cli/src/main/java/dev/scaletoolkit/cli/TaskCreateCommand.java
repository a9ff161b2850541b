package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.task.GenericTaskParams;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale tasks create TYPE}: one task, from a JSON body, options, or both (options win). */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Create one task of TYPE (imageannotation, categorization, textcollection, ...) and print it.",
            "The body comes from --json or --json-file; the options below set or override single fields.",
            "Give --unique-id to make a retry safe: a second create answers 409 instead of a second task."
        },
        footer = {
            "",
            "Examples:",
            "  ./scale tasks create imageannotation --project cats --attachment https://example.com/cat.jpg --param geometries='{\"box\":{\"objects_to_annotate\":[\"cat\"]}}'",
            "  ./scale tasks create categorization --json '{\"project\":\"cats\",\"attachment\":\"https://example.com/c.jpg\",\"categories\":[\"cat\",\"dog\"]}' --output id"
        })
final class TaskCreateCommand extends SdkCommand {
    @Parameters(index = "0", paramLabel = "TYPE", description = "Task type, as in POST /v1/task/TYPE.")
    String type;

    @Option(names = "--json", paramLabel = "JSON", description = "The task body as a JSON object.")
    String json;

    @Option(names = "--json-file", paramLabel = "FILE", description = "Read the body from this file ('-' for stdin).")
    Path jsonFile;

    @Option(names = "--project", description = "Project the task belongs to.")
    String project;

    @Option(names = "--batch", description = "Batch to add it to.")
    String batch;

    @Option(names = "--attachment", paramLabel = "URL", description = "What to label (URL).")
    String attachment;

    @Option(names = "--instruction", description = "Instruction for the labelers.")
    String instruction;

    @Option(names = "--callback-url", paramLabel = "URL", description = "Where Scale posts the result.")
    String callbackUrl;

    @Option(names = "--unique-id", paramLabel = "ID", description = "Your id for the task; makes a retry safe.")
    String uniqueId;

    @Option(
            names = "--param",
            paramLabel = "KEY=JSON",
            description = "Any other field, its value as JSON (a bare word is taken as a string); repeatable.")
    Map<String, String> params;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        body(); // usage errors before any Scale is chosen
        return super.call();
    }

    @Override
    int run(Target target) {
        Task task = target.client()
                .tasks()
                .create(GenericTaskParams.of(
                        taskType(), JsonValue.parse(ScaleJson.mapper().writeValueAsString(body()))));
        print(output, task, List.of("task_id"));
        return ExitCodes.OK;
    }

    private TaskType taskType() {
        List<String> known = Arrays.stream(TaskType.Known.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT))
                .toList();
        if (!known.contains(type)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "unknown task type '" + type + "'" + Suggest.hint(type, known) + "; known types: "
                            + String.join(", ", known));
        }
        return TaskType.of(type);
    }

    ObjectNode body() {
        taskType();
        JsonNode given = ToolsCommand.JsonInput.read(spec, json, jsonFile, "{}");
        if (!(given instanceof ObjectNode)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "the task body must be a JSON object, got " + given.getNodeType());
        }
        ObjectNode body = ((ObjectNode) given).deepCopy();
        put(body, "project", project);
        put(body, "batch", batch);
        put(body, "attachment", attachment);
        put(body, "instruction", instruction);
        put(body, "callback_url", callbackUrl);
        put(body, "unique_id", uniqueId);
        if (params != null) {
            params.forEach((k, v) -> body.set(k, value(k, v)));
        }
        return body;
    }

    private JsonNode value(String key, String text) {
        try {
            return ScaleJson.mapper().readTree(text);
        } catch (JacksonException e) {
            if (text.matches("[\\w.:/@+-]+")) {
                return ScaleJson.mapper().getNodeFactory().stringNode(text);
            }
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--param " + key + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void put(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
