package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.infra.work.Supervisor;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link BatchSettlement#sweep} at start and then periodically, under the emulator's supervisor. */
public final class BatchSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSweep.class);
    private static final Duration EVERY = Duration.ofMinutes(1);
    /** The worker's name in logs, health and metrics. */
    public static final String WORKER = "scale-batch-sweep";

    private final Supervisor.Worker worker;

    private BatchSweep(Supervisor.Worker worker) {
        this.worker = worker;
    }

    public static BatchSweep start(BatchSettlement settlement, Supervisor supervisor) {
        return new BatchSweep(supervisor.start(WORKER, EVERY, () -> {
            int settled = settlement.sweep();
            if (settled > 0) {
                LOG.info("Completed {} batch(es) left in progress with no pending task", settled);
            }
        }));
    }

    @Override
    public void close() {
        worker.close();
    }
}
