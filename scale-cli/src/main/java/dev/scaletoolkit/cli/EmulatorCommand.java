package dev.scaletoolkit.cli;

import picocli.CommandLine.Command;

/** {@code scale emulator …}: look into a running emulator. */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = "Look into a running emulator (started with ./scale up).",
        subcommands = {EmulatorRequestsCommand.class})
final class EmulatorCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
