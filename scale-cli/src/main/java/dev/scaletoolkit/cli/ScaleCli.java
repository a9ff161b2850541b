package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.SdkVersion;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.wait.WaitTimeoutException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
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
            "Which Scale: explicit flags (--base-url, --port/--data, --embedded), else SCALE_API_KEY and"
                    + " SCALE_BASE_URL, else the emulator that ./scale up recorded in $SCALE_HOME/emulator.json"
                    + " (default ~/.scale). A line on stderr names the target when you did not type it.",
            "",
            "Exit codes: 0 ok, 1 Scale or a tool failed, 2 usage error, 3 no Scale reachable.",
            "",
            "Examples:",
            "  ./scale up",
            "  ./scale projects create cats --type imageannotation",
            "  ./scale batches create cats-1 --project cats",
            "  ./scale tasks list --project cats --output jsonl --fields task_id,status",
            "  ./scale tools call SCALE_AI_GET_BATCH_STATUS --json '{\"batch_name\":\"cats-1\"}'"
        })
public final class ScaleCli implements Runnable {
    /**
     * The subcommands, in the order help lists them. They are added when the command line is made, not declared
     * on the annotation: picocli builds the model of every declared subcommand (and theirs) up front, a quarter of
     * a short command's start, while a run needs only the one it names (see {@link #commandLine(Function, boolean,
     * String...)}).
     */
    static {
        // before anything logs: logback starts only if something is logged (most commands log nothing)
        LazyLogbackProvider.choose();
    }

    private static final List<Class<?>> SUBCOMMANDS = List.of(
            UpCommand.class,
            ProjectsCommand.class,
            BatchesCommand.class,
            TasksCommand.class,
            EmulatorCommand.class,
            ToolsCommand.class,
            McpCommand.class,
            CallbacksCommand.class,
            ConnectionsCommand.class,
            TokensCommand.class,
            AuditCommand.class,
            EventsCommand.class,
            WebhooksCommand.class,
            dev.scaletoolkit.cli.bench.BenchCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> env;
    private final boolean terminal;
    private Target target;
    // Standard input and output for commands that use them as streams (mcp), and the caller's directory when it
    // is not this process's: a resident run (cli.resident) gives its client's.
    private InputStream stdin = System.in;
    private OutputStream stdout = System.out;
    private Path cwd;

    private ScaleCli(Function<String, String> env, boolean terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System::getenv, isTerminal(), args).execute(args));
    }

    /**
     * Gives a command line made here other standard streams for the commands that use them directly ({@code mcp}:
     * its JSON-RPC), and the directory relative paths a tool is given are resolved against (null: this process's).
     * For running commands on behalf of another process; {@code setOut}/{@code setErr} still carry the rest.
     */
    public static void stdio(CommandLine cli, InputStream in, OutputStream out, Path cwd) {
        ScaleCli root = (ScaleCli) cli.getCommand();
        root.stdin = in;
        root.stdout = out;
        root.cwd = cwd;
    }

    /** Standard input of the command line that {@code spec} belongs to. */
    static InputStream stdin(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof ScaleCli cli ? cli.stdin : System.in;
    }

    /** Standard output as bytes (a JSON-RPC stream), for the command line that {@code spec} belongs to. */
    static OutputStream stdout(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof ScaleCli cli ? cli.stdout : System.out;
    }

    /** The caller's working directory when it is not this process's, else null. */
    static Path cwd(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof ScaleCli cli ? cli.cwd : null;
    }

    /** The configured command line, reading the process environment. */
    public static CommandLine commandLine() {
        return commandLine(System::getenv, isTerminal());
    }

    /**
     * The configured command line with its own environment (SCALE_API_KEY, SCALE_BASE_URL, SCALE_HOME, ...), so
     * tests can run commands in-process; redirect output with {@code setOut}/{@code setErr}. Not a terminal.
     */
    public static CommandLine commandLine(Function<String, String> env) {
        return commandLine(env, false);
    }

    /** As {@link #commandLine(Function)}, saying whether standard output is a terminal (tables, progress bars). */
    public static CommandLine commandLine(Function<String, String> env, boolean terminal) {
        return commandLine(env, terminal, (String[]) null);
    }

    /**
     * The command line for running {@code args} once: where an argument names a subcommand, only that one is
     * built at that level ({@code --version} needs none); anything else (help, a typo to suggest a name for)
     * gets them all. What is parsed and printed is the same as with {@link #commandLine(Function, boolean)},
     * which builds them all.
     */
    public static CommandLine commandLine(Function<String, String> env, boolean terminal, String... args) {
        CommandLine cli = new CommandLine(new ScaleCli(env, terminal));
        if (args != null && args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configure(env, cli);
        }
        addSubcommands(cli, SUBCOMMANDS, args, 0);
        return configure(env, cli);
    }

    /** Adds the subcommand {@code args[depth]} names, or all of them, and so on down {@link LazyGroup}s. */
    private static void addSubcommands(CommandLine parent, List<Class<?>> all, String[] args, int depth) {
        List<Class<?>> needed = all;
        String next = args == null || args.length <= depth ? null : args[depth];
        if (next != null && !next.equals("help") && !next.equals("generate-completion")) {
            for (Class<?> c : all) {
                if (next.equals(c.getAnnotation(Command.class).name())) {
                    needed = List.of(c);
                    break;
                }
            }
        }
        for (Class<?> c : needed) {
            parent.addSubcommand(c);
            CommandLine added =
                    parent.getSubcommands().get(c.getAnnotation(Command.class).name());
            if (added.getCommand() instanceof LazyGroup group) {
                addSubcommands(added, group.subcommands(), needed == all ? null : args, depth + 1);
            }
        }
    }

    private static CommandLine configure(Function<String, String> env, CommandLine cli) {
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // A person reads this: say what went wrong in one line; the stack trace only on request.
            int code = exitCode(e);
            // the command as typed ("scale tasks create"), not only its last word
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message(command, e));
            if (env.apply("SCALE_DEBUG") != null) {
                e.printStackTrace(command.getErr());
            } else if (code == ExitCodes.FAILED && !(e instanceof ScaleApiException)) {
                command.getErr().println("(set SCALE_DEBUG=1 to see the stack trace)");
            }
            command.getErr().flush();
            return code;
        });
        cli.setParameterExceptionHandler(Suggest::handleParameterException);
        CommandLine completion = cli.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        Help.configure(cli, env, ((ScaleCli) cli.getCommand()).terminal);
        return cli;
    }

    private static int exitCode(Exception e) {
        if (e instanceof Unreachable || e instanceof ScaleIoException) {
            return ExitCodes.UNREACHABLE;
        }
        return ExitCodes.FAILED;
    }

    private static String message(CommandLine command, Exception e) {
        if (e instanceof ScaleIoException) {
            Object root = command.getCommandSpec().root().userObject();
            Target t = root instanceof ScaleCli s ? s.target : null;
            return "cannot reach " + (t == null ? "Scale" : t.apiUrl()) + ": " + describe(e);
        }
        if (e instanceof ScaleApiException api) {
            return "Scale answered HTTP " + api.status() + ": " + api.errorMessage();
        }
        if (e instanceof WaitTimeoutException) {
            return e.getMessage();
        }
        return describe(e);
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

    /** Whether standard output is a terminal (tables by default, a progress bar). */
    static boolean terminal(CommandLine.Model.CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof ScaleCli cli && cli.terminal;
    }

    /** Whether to colour output: on a terminal, unless NO_COLOR is set (https://no-color.org). */
    static boolean colour(CommandLine.Model.CommandSpec spec) {
        String noColor = env(spec).apply("NO_COLOR");
        return terminal(spec) && (noColor == null || noColor.isEmpty());
    }

    /** Keeps the resolved target, so a connection failure anywhere in the command can name its URL. */
    static void remember(CommandLine.Model.CommandSpec spec, Target target) {
        if (spec.root().userObject() instanceof ScaleCli cli) {
            cli.target = target;
        }
    }

    private static boolean isTerminal() {
        return dev.scaletoolkit.cli.resident.Thin.isTerminal(); // one definition, for both paths
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The toolkit version, taken from the build (the same string the SDK sends in its User-Agent). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scale-toolkit " + SdkVersion.VERSION};
        }
    }
}
