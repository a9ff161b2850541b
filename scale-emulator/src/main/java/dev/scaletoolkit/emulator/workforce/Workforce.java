package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated labelers: a background worker that completes pending live tasks once their {@code work_due_at}
 * has passed, through the completion service
 * ({@link TaskCompletion}) with the {@link SimulatedLabeler}'s response and quality trail.
 *
 * <p>It keeps no state of its own: what is due is read from the database on every poll, so a crash or restart
 * loses nothing. Task creators queue work by setting {@code work_due_at = now + config.workforceDelay()}.
 *
 * <p>While paused (config {@code workforceEnabled=false} or {@code POST /_emulator/workforce}) tasks stay pending
 * for a human to finish through the control plane. Changing the delay at run time shifts every queued task: a
 * task is due {@code delay} after it was queued.
 */
public final class Workforce implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workforce.class);
    private static final long POLL_MILLIS = 150;
    private static final int TASKS_PER_POLL = 100;

    private final EmulatorContext context;
    private final TaskCompletion completion;
    private final ScheduledExecutorService scheduler;
    private volatile boolean enabled;
    private volatile Duration delay;

    /** A paused-or-enabled workforce as the configuration says; {@link #start} sets it polling. */
    public Workforce(EmulatorContext context, TaskCompletion completion) {
        this.context = context;
        this.completion = completion;
        this.enabled = context.config().workforceEnabled();
        this.delay = context.config().workforceDelay();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scale-workforce");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling for due tasks; returns this. */
    public Workforce start() {
        scheduler.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Polls now instead of at the next tick. */
    public void wake() {
        try {
            scheduler.execute(this::poll);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: nothing to wake
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Pauses or resumes the labelers; pending tasks wait meanwhile. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            wake();
        }
    }

    public Duration delay() {
        return delay;
    }

    /** Changes how long after being queued a task is completed, for queued and future tasks alike. */
    public void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = delay;
        wake();
    }

    /** Back to the configured state (after a reset). */
    public void restoreDefaults() {
        this.delay = context.config().workforceDelay();
        setEnabled(context.config().workforceEnabled());
    }

    private synchronized void poll() {
        if (!enabled) {
            return;
        }
        try {
            // A full poll means a backlog: keep draining instead of waiting for the next tick.
            while (enabled && completeDue() == TASKS_PER_POLL) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            // A failed poll is retried on the next tick; the tasks stay pending in the database.
            LOG.warn("Workforce poll failed, will retry: {}", e.toString());
        }
    }

    /** Completes every task due now; returns how many it completed. */
    int completeDue() {
        // work_due_at was set as queued-time + configured delay; shift the cut-off by any run-time change.
        Duration shift = context.config().workforceDelay().minus(delay);
        Instant cutoff = context.clock().instant().plus(shift);
        String due = ScaleTime.format(cutoff);
        List<String> ids = context.db().read(h -> TaskStore.dueForWork(h, due, TASKS_PER_POLL));
        if (ids.isEmpty()) {
            return 0;
        }
        // One transaction for the whole poll: a backlog drains at one commit per poll, not one per task.
        return completion.completeAll(ids, "workforce", () -> enabled);
    }

    @Override
    public void close() {
        enabled = false;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
