package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.ScaleClient;
import java.util.List;
import picocli.CommandLine;

/**
 * A {@code wait} subcommand: one SDK {@code waitFor} (the polling itself is the SDK's {@code Poller}, shared by
 * every wait), then the record printed and the exit code chosen. A timeout is an exception that {@link ScaleCli}
 * maps to exit code 1. Subclasses declare {@code --timeout} themselves because each has its own default.
 *
 * @param <T> what is waited for: a task, a batch
 */
abstract class WaitCommand<T> extends SdkCommand {
    @CommandLine.Mixin
    OutputOptions output;

    private final String idField;

    /** @param idField the field that names the record, printed with {@code --output id} */
    WaitCommand(String idField) {
        this.idField = idField;
    }

    /** Polls until the record reaches the state waited for; throws the SDK's timeout when it does not in time. */
    abstract T waitFor(ScaleClient client);

    /** The exit code for the record waited for; OK unless a subclass knows a final state that is a failure. */
    int exitCode(T value) {
        return ExitCodes.OK;
    }

    @Override
    final int run(Target target) {
        T value = waitFor(target.client());
        print(output, value, List.of(idField));
        return exitCode(value);
    }
}
