package dev.scaletoolkit.cli;

import dev.scaletoolkit.mcp.McpListing;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.adapter.AnthropicTools;
import dev.scaletoolkit.tools.adapter.OpenAiTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code scale tools export}: the tool definitions for another agent framework, to a file or stdout. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the tool definitions for OpenAI function calling (strict by default), Anthropic's tool"
                + " use, or MCP (as tools/list answers).",
        footer = {
            "",
            "Examples:",
            "  ./scale tools export --format openai --profile core --out tools-openai.json",
            "  ./scale tools export --format anthropic",
            "  ./scale tools export --format mcp --profile readonly"
        })
final class ToolsExportCommand implements Callable<Integer> {
    enum Format {
        openai,
        anthropic,
        mcp
    }

    @Option(names = "--format", required = true, description = "openai, anthropic or mcp.")
    Format format;

    @Option(names = "--profile", defaultValue = "full", description = "core, full or readonly (default: full).")
    String profile;

    @Option(names = "--no-strict", description = "OpenAI: the natural schemas instead of the strict variant.")
    boolean noStrict;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Profile parsed = ToolsCommand.profile(spec, "--profile", profile);
        ToolRegistry registry = ToolsCommand.offlineRegistry();
        JsonNode doc = switch (format) {
            case openai -> OpenAiTools.tools(registry, parsed, !noStrict);
            case anthropic -> AnthropicTools.tools(registry, parsed);
            case mcp -> McpListing.document(registry, parsed);
        };
        String text = ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, text);
            int count = doc.isArray() ? doc.size() : doc.path("tools").size();
            spec.commandLine().getErr().println("Wrote " + count + " tool definitions to " + out);
        }
        return 0;
    }
}
