package dev.scaletoolkit.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./scale}: one subcommand per job, each in its own class. */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        versionProvider = ScaleCli.Version.class,
        description = "scale-toolkit: a Scale-compatible emulator, agent tools and an MCP server for Scale AI.",
        subcommands = {
            UpCommand.class,
            CallbacksCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class
        })
public final class ScaleCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ScaleCli());
        cli.getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(false);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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
