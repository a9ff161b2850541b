package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    /** The worker's name in logs, health and metrics. */
    public static final String WORKER = "scale-workforce";

    private static final Duration POLL = Duration.ofMillis(150);
    private static final int TASKS_PER_POLL = 100;

    private final EmulatorContext context;
    private final TaskCompletion completion;
    private volatile Supervisor.Worker worker;
    private volatile boolean enabled;
    private volatile Duration delay;

    /** A paused-or-enabled workforce as the configuration says; {@link #start} sets it polling. */
    public Workforce(EmulatorContext context, TaskCompletion completion) {
        this.context = context;
        this.completion = completion;
        this.enabled = context.config().workforceEnabled();
        this.delay = context.config().workforceDelay();
    }

    /**
     * Starts polling for due tasks under the emulator's supervisor (a poll that fails, even with an
     * {@code OutOfMemoryError}, is retried after a back-off and reported in health); returns this.
     */
    public Workforce start() {
        worker = context.supervisor().start(WORKER, POLL, this::poll);
        return this;
    }

    /** Polls now instead of at the next tick. */
    public void wake() {
        Supervisor.Worker w = worker;
        if (w != null) {
            w.wake();
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
        // A full poll means a backlog: keep draining instead of waiting for the next tick. A poll that throws is
        // the supervisor's to log and retry; the tasks stay pending in the database meanwhile.
        while (enabled && completeDue() == TASKS_PER_POLL) {
            Thread.onSpinWait();
        }
    }

    /**
     * One poll now, on the caller's thread, as the background worker would run it: a test that advanced the clock
     * (or paused the workforce) sees at once what the workforce does, without waiting for the next tick.
     *
     * @return how many tasks it completed (0 while paused)
     */
    public synchronized int pollNow() {
        return enabled ? completeDue() : 0;
    }

    /**
     * Completes every task due now on the caller's thread, a whole backlog included: after the clock was moved, the
     * caller learns only once the work that became due is done, so "still pending" afterwards means "not due".
     *
     * @return how many tasks it completed (0 while paused)
     */
    public synchronized int drainNow() {
        int total = 0;
        int done;
        do {
            done = enabled ? completeDue() : 0;
            total += done;
        } while (done == TASKS_PER_POLL);
        return total;
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
        Supervisor.Worker w = worker;
        if (w != null) {
            w.close();
        }
    }
}
