package dev.scaletoolkit.emulator.batch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link BatchSettlement#sweep} at start and then periodically, in the background. */
public final class BatchSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSweep.class);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scale-batch-sweep");
        t.setDaemon(true);
        return t;
    });

    private BatchSweep() {}

    public static BatchSweep start(BatchSettlement settlement) {
        BatchSweep sweep = new BatchSweep();
        sweep.scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        int settled = settlement.sweep();
                        if (settled > 0) {
                            LOG.info("Completed {} batch(es) left in progress with no pending task", settled);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Batch sweep failed, will retry: {}", e.toString());
                    }
                },
                0,
                EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return sweep;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
