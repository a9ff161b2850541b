package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.mcp.GatewayMcpSizes;
import dev.scaletoolkit.mcp.McpSizes;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code scale tools sizes}: what an agent pays before its first call, per profile, measured on real servers in
 * this process (the plain one, and a gateway token's on a throw-away gateway home, so yours is not touched).
 */
@Command(
        name = "sizes",
        mixinStandardHelpOptions = true,
        description = {
            "Bytes of the initialize and tools/list responses per profile, as an MCP client receives them over stdio,",
            "for the plain server (./scale mcp --profile P) and a gateway token with that profile."
        },
        footer = {"", "Examples:", "  ./scale tools sizes", "  ./scale tools sizes --output json"})
final class ToolsSizesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--output", description = "table (Markdown, as the docs quote it) or json.", defaultValue = "table")
    String output;

    @Override
    public Integer call() throws IOException {
        if (!List.of("table", "json").contains(output)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--output: expected table or json, got '" + output + "'");
        }
        List<McpSizes.Size> sizes = measure();
        var out = spec.commandLine().getOut();
        if ("json".equals(output)) {
            ArrayNode rows = ScaleJson.mapper().createArrayNode();
            sizes.forEach(s -> rows.addObject()
                    .put("server", s.server())
                    .put("profile", s.profile().wireName())
                    .put("tools", s.tools())
                    .put("initialize_bytes", s.initializeBytes())
                    .put("tools_list_bytes", s.listBytes())
                    .put("total_bytes", s.total()));
            out.println(ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            out.print(McpSizes.markdown(sizes));
        }
        out.flush();
        return 0;
    }

    /** Measures every profile; the gateway's lives in a temporary home, removed afterwards. */
    static List<McpSizes.Size> measure() throws IOException {
        Path home = Files.createTempDirectory("scale-sizes-");
        try (Gateway gateway = Gateway.open(home, name -> null)) {
            return GatewayMcpSizes.all(ToolsCommand.offlineRegistry(), gateway, "emulator");
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
