package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code scale tools}: list the agent tools and call one by name, as an agent would. */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = "List the agent tools or call one, with the same validation and envelope agents get.",
        subcommands = {ToolsCommand.ListTools.class, ToolsCommand.Call.class})
final class ToolsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List the tools of a profile: slug, kind (read, write or DESTR for destructive) and title. core is the everyday few, full is every tool, readonly those that change nothing.",
            footer = {"", "Examples:", "  ./scale tools list --profile core", "  ./scale tools list --json"})
    static final class ListTools implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--profile",
                defaultValue = "full",
                description = "core, full or readonly (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--json", description = "Print the full tool definitions as JSON.")
        boolean json;

        @Override
        public Integer call() {
            // Listing needs no Scale: the handlers are never called.
            ToolRegistry registry = ToolRegistry.load(
                    dev.scaletoolkit.tools.backend.ScaleBackend.http(Target.DEFAULT_SCALE_URL, "unused"));
            Profile parsed;
            try {
                parsed = Profile.parse(profile);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
            }
            var tools = registry.list(parsed);
            java.io.PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tools));
                out.flush();
                return 0;
            }
            for (ToolSpec t : tools) {
                String kind = t.readOnly()
                        ? "read "
                        : t.annotations().path("destructiveHint").asBoolean(false) ? "DESTR" : "write";
                out.printf("%-52s %s  %s%n", t.slug(), kind, t.title());
            }
            out.println(tools.size() + " tools in profile " + parsed.wireName());
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "call",
            mixinStandardHelpOptions = true,
            description =
                    "Call one tool and print its {successful, data, error} envelope. Exit code 0 when successful, 1 when the tool failed, 2 for bad usage. Talks to SCALE_API_KEY/SCALE_BASE_URL when set, else to the emulator (a running './scale up', or one started for this call).",
            footer = {
                "",
                "Examples:",
                "  ./scale tools call LIST_PROJECTS",
                "  ./scale tools call SCALE_AI_CREATE_BATCH --json '{\"project\":\"cats\",\"name\":\"cats-1\"}'",
                "  echo '{\"batch_name\":\"cats-1\"}' | ./scale tools call GET_BATCH_STATUS --json-file -"
            })
    static final class Call implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "Tool slug or alias, e.g. SCALE_AI_LIST_TASKS or LIST_TASKS.")
        String name;

        @Option(names = "--json", description = "Arguments as a JSON object (default: {}).")
        String json;

        @Option(names = "--json-file", description = "Read the arguments from this file ('-' for stdin).")
        Path jsonFile;

        @CommandLine.Mixin
        TargetOptions target;

        @Override
        public Integer call() throws Exception {
            JsonNode args;
            try {
                String text = jsonFile != null
                        ? (jsonFile.toString().equals("-")
                                ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                : Files.readString(jsonFile))
                        : (json == null ? "{}" : json);
                args = ScaleJson.mapper().readTree(text);
            } catch (JacksonException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        (jsonFile != null ? "--json-file" : "--json") + " is not valid JSON: "
                                + e.getOriginalMessage());
            }
            java.io.PrintWriter err = spec.commandLine().getErr();
            try (Target t = target.resolve(spec)) {
                ToolResult result = t.registry().call(name, args, (done, total, message) -> {
                    err.printf(
                            "progress %.0f%s %s%n",
                            done, total == null ? "" : "/" + total.intValue(), message == null ? "" : message);
                    err.flush();
                });
                java.io.PrintWriter out = spec.commandLine().getOut();
                out.println(ToolBackedCommand.pretty(result.toJson()));
                out.flush();
                return result.successful() ? 0 : ToolBackedCommand.TOOL_FAILED;
            }
        }
    }
}
