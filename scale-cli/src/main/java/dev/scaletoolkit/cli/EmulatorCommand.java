package dev.scaletoolkit.cli;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code scale emulator …}: the emulator's control plane from the shell. Each subcommand lives in its own class
 * ({@code Emulator*Command}), so new ones are added here without touching the others.
 */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = "Drive the emulator: reset its data, inject faults, finish tasks now, read its request journal.")
final class EmulatorCommand extends ToolBackedCommand.Group implements LazyGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                EmulatorResetCommand.class,
                EmulatorFaultsCommand.class,
                EmulatorTaskCommands.Complete.class,
                EmulatorTaskCommands.Fail.class,
                EmulatorRequestsCommand.class);
    }
}
