package dev.scaletoolkit.cli;

import dev.scaletoolkit.mcp.ScaleMcpServer;
import dev.scaletoolkit.tools.LocalFiles;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scale mcp}: an MCP server over stdio, for agents that launch their tools as a process. Standard output
 * carries only JSON-RPC; logs go to standard error. It exits when standard input closes.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the Scale tools over MCP on stdin/stdout.",
            "The target is chosen as for every command: flags, then SCALE_API_KEY and SCALE_BASE_URL, then the"
                    + " running emulator (--embedded for one inside this process). For streamable HTTP instead,"
                    + " ./scale up serves /mcp on its port."
        })
final class McpCommand implements Callable<Integer> {
    @Option(
            names = "--profile",
            defaultValue = "${env:SCALE_MCP_PROFILE:-full}",
            description = "Tools to list: core, full or readonly (default: ${DEFAULT-VALUE}; env SCALE_MCP_PROFILE).")
    String profile;

    @CommandLine.Mixin
    TargetOptions target;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Serve as this agent token through the gateway (its connection, tools, budgets,"
                    + " confirmation and audit); or set SCALE_AGENT_TOKEN, which process lists do not show.")
    String token;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch inputClosed = new CountDownLatch(1);
        InputStream in = new EofSignallingInputStream(ScaleCli.stdin(spec), inputClosed::countDown);
        Profile parsed = ToolsCommand.profile(spec, "--profile", profile);
        String agentToken = token != null ? token : ScaleCli.env(spec).apply("SCALE_AGENT_TOKEN");
        if (agentToken != null || target.connection != null) {
            return GatewayStdio.serve(spec, agentToken, target.connection, parsed, in, inputClosed);
        }
        try (Target t = target.resolveUnchecked(spec)) {
            // stdout is the JSON-RPC stream: anything for people goes to stderr
            spec.commandLine().getErr().println("scale mcp: serving profile " + parsed.wireName() + " on stdio");
            spec.commandLine().getErr().flush();
            // the catalog loads on a second thread while initialize is answered, and logback on a third: the SDK
            // logs the client's initialize request, so logging is needed within the first second anyway
            LazyLogbackProvider.startInBackground();
            McpSyncServer server = ScaleMcpServer.stdio(() -> tools(t), parsed, in, ScaleCli.stdout(spec));
            inputClosed.await();
            server.closeGracefully();
        }
        return 0;
    }

    /**
     * The target's tools; relative file paths ({@code UPLOAD_FILE}, {@code EXPORT_RESULTS}) are the caller's, so
     * when this runs for a process elsewhere (the resident path), they are taken from that process's directory.
     */
    private ToolRegistry tools(Target t) {
        java.nio.file.Path cwd = ScaleCli.cwd(spec);
        return cwd == null ? t.registry() : t.registry().withFiles(LocalFiles.UNRESTRICTED.in(cwd));
    }

    /** Signals when the client closes our stdin, so the process exits instead of lingering as an orphan. */
    private static final class EofSignallingInputStream extends java.io.FilterInputStream {
        private final Runnable onEof;

        EofSignallingInputStream(InputStream in, Runnable onEof) {
            super(in);
            this.onEof = onEof;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b < 0) {
                onEof.run();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws java.io.IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                onEof.run();
            }
            return n;
        }
    }
}
