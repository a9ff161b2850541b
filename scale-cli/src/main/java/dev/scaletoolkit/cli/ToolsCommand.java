package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale tools}: list the agent tools and call one by name, as an agent would. */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = "List the agent tools or call one, with the same validation and envelope agents get.")
final class ToolsCommand implements Runnable, LazyGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                ToolsCommand.ListTools.class,
                ToolsCommand.Call.class,
                ToolsExportCommand.class,
                ToolsSizesCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The registry for listing and name lookups: no Scale is needed, the handlers are never called. */
    static ToolRegistry offlineRegistry() {
        return ToolRegistry.load(dev.scaletoolkit.tools.backend.ScaleBackend.http(Target.DEFAULT_SCALE_URL, "unused"));
    }

    /** Parses a profile name; a typo is a usage error with a suggestion. */
    static Profile profile(CommandLine.Model.CommandSpec spec, String option, String value) {
        try {
            return Profile.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    option + ": " + e.getMessage()
                            + Suggest.hint(value, List.of("core", "full", "readonly", "discovery")));
        }
    }

    /** Every name {@code tools call} accepts: slugs, and aliases with and without the prefix. */
    static List<String> names(ToolRegistry registry) {
        List<String> names = new ArrayList<>();
        for (ToolSpec t : registry.list(Profile.parse("full"))) {
            names.add(t.slug());
            names.addAll(t.aliases());
        }
        return names;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "List the tools of a profile: slug, kind (read, write or DESTR for destructive) and title.",
                "core is the everyday few, full is every tool, readonly those that change nothing."
            },
            footer = {
                "",
                "Examples:",
                "  ./scale tools list --profile core",
                "  ./scale tools list --output json --fields slug,annotations"
            })
    static final class ListTools implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--profile",
                defaultValue = "full",
                description = "core, full or readonly (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--json", hidden = true, description = "Same as --output json.")
        boolean json;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            Profile parsed = profile(spec, "--profile", profile);
            List<ToolSpec> tools = offlineRegistry().list(parsed);
            PrintWriter out = spec.commandLine().getOut();
            OutputOptions.Format format = json ? OutputOptions.Format.JSON : output.effective(spec, true);
            if (format == OutputOptions.Format.TABLE && output.fields == null) {
                for (ToolSpec t : tools) {
                    out.printf("%-52s %s  %s%n", t.slug(), kind(t), t.title());
                }
                out.println(tools.size() + " tools in profile " + parsed.wireName());
                out.flush();
                return 0;
            }
            ArrayNode records = ScaleJson.mapper().valueToTree(tools);
            for (int i = 0; i < records.size(); i++) {
                ((ObjectNode) records.get(i)).put("kind", kind(tools.get(i)).strip());
            }
            new RecordPrinter(
                            format,
                            output.fields,
                            List.of("slug", "kind", "title"),
                            List.of("slug"),
                            ScaleCli.colour(spec))
                    .print(records, out);
            return 0;
        }

        private static String kind(ToolSpec t) {
            return t.readOnly()
                    ? "read "
                    : t.annotations().path("destructiveHint").asBoolean(false) ? "DESTR" : "write";
        }
    }

    @Command(
            name = "call",
            mixinStandardHelpOptions = true,
            description = {
                "Call one tool and print its {successful, data, error} envelope.",
                "Exit code 0 when successful, 1 when the tool failed, 2 for bad usage, 3 when Scale is unreachable."
            },
            footer = {
                "",
                "Examples:",
                "  ./scale tools call LIST_PROJECTS",
                "  ./scale tools call SCALE_AI_CREATE_BATCH --json '{\"project\":\"cats\",\"name\":\"cats-2\"}'",
                "  echo '{\"batch_name\":\"cats-1\"}' | ./scale tools call GET_BATCH_STATUS --json-file -"
            })
    static final class Call implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "Tool slug or alias, e.g. SCALE_AI_LIST_TASKS or LIST_TASKS.")
        String name;

        @Option(names = "--json", description = "Arguments as a JSON object (default: {}).")
        String json;

        @Option(
                names = "--json-file",
                paramLabel = "FILE",
                description = "Read the arguments from this file ('-' for stdin).")
        Path jsonFile;

        @CommandLine.Mixin
        TargetOptions target;

        @Override
        public Integer call() {
            JsonNode args = JsonInput.read(spec, json, jsonFile, "{}");
            PrintWriter err = spec.commandLine().getErr();
            ToolRegistry offline = offlineRegistry();
            if (offline.find(name).isEmpty()) {
                // say so before any Scale is chosen: a typo needs no network
                String hint = Suggest.hint(name, names(offline));
                err.println(
                        "scale tools call: unknown tool '" + name + "'" + hint + "; ./scale tools list shows them all");
                err.flush();
            }
            try (Target t = target.resolve(spec)) {
                ToolResult result = t.registry().call(name, args, (done, total, message) -> {
                    err.printf(
                            "progress %.0f%s %s%n",
                            done, total == null ? "" : "/" + total.intValue(), message == null ? "" : message);
                    err.flush();
                });
                PrintWriter out = spec.commandLine().getOut();
                out.println(ToolBackedCommand.pretty(result.toJson()));
                out.flush();
                if (result.successful()) {
                    return ExitCodes.OK;
                }
                if (dev.scaletoolkit.tools.ToolError.Code.NETWORK_ERROR.equals(
                        result.error().code())) {
                    err.println("scale: cannot reach " + t.apiUrl());
                    err.flush();
                    return ExitCodes.UNREACHABLE;
                }
                return ExitCodes.FAILED;
            }
        }
    }

    /** Reads a JSON argument given inline ({@code --json}) or as a file ({@code --json-file}, '-' = stdin). */
    static final class JsonInput {
        private JsonInput() {}

        static JsonNode read(CommandLine.Model.CommandSpec spec, String json, Path file, String otherwise) {
            CommandLine cli = spec.commandLine();
            if (json != null && file != null) {
                throw new CommandLine.ParameterException(
                        cli, "give the arguments once: --json or --json-file, not both");
            }
            String text;
            if (file != null) {
                try {
                    text = file.toString().equals("-")
                            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                            : Files.readString(file);
                } catch (NoSuchFileException e) {
                    throw new CommandLine.ParameterException(cli, "--json-file " + file + ": no such file");
                } catch (IOException e) {
                    throw new CommandLine.ParameterException(cli, "--json-file " + file + ": " + e.getMessage());
                }
            } else {
                text = json == null ? otherwise : json;
            }
            if (text == null) {
                return null;
            }
            try {
                return ScaleJson.mapper().readTree(text);
            } catch (JacksonException e) {
                throw new CommandLine.ParameterException(
                        cli,
                        (file != null ? "--json-file" : "--json") + " is not valid JSON: " + e.getOriginalMessage());
            }
        }
    }
}
