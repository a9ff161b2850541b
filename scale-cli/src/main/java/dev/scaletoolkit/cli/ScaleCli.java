package dev.scaletoolkit.cli;

import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./scale}: one subcommand per job, each in its own class. */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        versionProvider = ScaleCli.Version.class,
        description = "scale-toolkit: a Scale-compatible emulator, agent tools and an MCP server for Scale AI.",
        footer = {
            "",
            "Commands that talk to Scale use the API key in SCALE_API_KEY (and SCALE_BASE_URL) when set, else the"
                    + " emulator: a running './scale up', or one started inside the command on --data.",
            "",
            "Examples:",
            "  ./scale up",
            "  ./scale projects create cats --type imageannotation",
            "  ./scale tasks list --project cats --status completed",
            "  ./scale tools call SCALE_AI_GET_BATCH_STATUS --json '{\"batch_name\":\"cats-1\"}'"
        },
        subcommands = {
            UpCommand.class,
            ProjectsCommand.class,
            BatchesCommand.class,
            TasksCommand.class,
            ToolsCommand.class,
            McpCommand.class,
            CallbacksCommand.class,
            dev.scaletoolkit.cli.bench.BenchCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class
        })
public final class ScaleCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;

    private ScaleCli(Function<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, reading the process environment. */
    public static CommandLine commandLine() {
        return commandLine(System::getenv);
    }

    /**
     * The configured command line with its own environment (SCALE_API_KEY, SCALE_BASE_URL, SCALE_MCP_TOKEN, ...),
     * so tests can run commands in-process; redirect output with {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine(Function<String, String> env) {
        CommandLine cli = new CommandLine(new ScaleCli(env));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // A person reads this: say what went wrong in one line; the stack trace only on request.
            command.getErr().println("scale " + command.getCommandName() + ": " + describe(e));
            if (env.apply("SCALE_DEBUG") != null) {
                e.printStackTrace(command.getErr());
            } else {
                command.getErr().println("(set SCALE_DEBUG=1 to see the stack trace)");
            }
            command.getErr().flush();
            return 1;
        });
        cli.getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(false);
        return cli;
    }

    /** The messages of an exception and its causes, without repeats: "failed to start: Address already in use". */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (out.indexOf(message) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(message);
            }
        }
        return out.toString();
    }

    /** The environment of the command line that {@code spec} belongs to. */
    static Function<String, String> env(CommandLine.Model.CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof ScaleCli cli ? cli.env : System::getenv;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the toolkit version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ScaleCli.class.getPackage().getImplementationVersion();
            return new String[] {"scale-toolkit " + (v == null ? "dev" : v)};
        }
    }
}
