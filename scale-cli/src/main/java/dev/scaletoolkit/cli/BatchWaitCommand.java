package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.model.batch.Batch;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scale batches wait NAME}: polls until every task of the batch is done. */
@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        description = {
            "Wait until a batch is completed (all its tasks are done), then print it.",
            "Exit code 1 when the wait timed out."
        },
        footer = {"", "Example:", "  ./scale batches wait cats-1 --timeout 30m"})
final class BatchWaitCommand extends WaitCommand<Batch> {
    @Parameters(paramLabel = "NAME", description = "Batch name.")
    String name;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "Give up after this long, e.g. 30s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    BatchWaitCommand() {
        super("name");
    }

    @Override
    Batch waitFor(ScaleClient client) {
        return client.batches().waitFor(name, timeout);
    }
}
