package dev.scaletoolkit.cli;

import picocli.CommandLine.Command;

/** {@code scale emulator reset}: wipes the data; accounts and keys stay. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Delete every project, batch, task and file in the emulator; accounts and keys stay, faults go.",
        footer = {"", "Example:", "  ./scale emulator reset"})
final class EmulatorResetCommand extends SdkCommand {
    @Override
    int run(Target target) {
        target.control().reset();
        note("scale emulator reset: " + target.control().url() + " is empty again (accounts and keys kept)");
        return ExitCodes.OK;
    }
}
