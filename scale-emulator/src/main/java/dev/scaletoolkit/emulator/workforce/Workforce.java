package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.response.Responses;
import dev.scaletoolkit.emulator.task.TaskLifecycle;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated labelers: a background worker that completes pending live tasks once their {@code work_due_at}
 * has passed, with a response from {@link Responses} (seeded by {@code workforceSeed}, so runs repeat), and
 * records the quality trail ({@link QualityRecords}) in the same transaction.
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
    private static final int TASKS_PER_POLL = 50;

    private final EmulatorContext context;
    private final Runnable afterCompletion;
    private final ScheduledExecutorService scheduler;
    private volatile boolean enabled;
    private volatile Duration delay;

    private Workforce(EmulatorContext context, boolean enabled, Runnable afterCompletion) {
        this.context = context;
        this.enabled = enabled;
        this.delay = context.config().workforceDelay();
        this.afterCompletion = afterCompletion;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scale-workforce");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the worker, enabled or paused as the configuration says. */
    public static Workforce start(EmulatorContext context) {
        return start(context, () -> {});
    }

    /** Starts the worker; {@code afterCompletion} runs after each poll that completed something (wakes callbacks). */
    public static Workforce start(EmulatorContext context, Runnable afterCompletion) {
        Workforce workforce = new Workforce(context, context.config().workforceEnabled(), afterCompletion);
        workforce.scheduler.scheduleWithFixedDelay(workforce::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return workforce;
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
            int completed = completeDue();
            if (completed > 0) {
                afterCompletion.run();
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
        List<String> ids = context.db()
                .read(h -> h.createQuery("SELECT id FROM tasks WHERE status = 'pending' AND test_mode = 0"
                                + " AND work_due_at IS NOT NULL AND work_due_at <= :due"
                                + " ORDER BY work_due_at, id LIMIT " + TASKS_PER_POLL)
                        .bind("due", due)
                        .mapTo(String.class)
                        .list());
        int completed = 0;
        for (String id : ids) {
            if (!enabled) {
                break;
            }
            if (complete(id).isPresent()) {
                completed++;
            }
        }
        return completed;
    }

    /**
     * Completes one pending task with a generated response and its quality records, in one transaction. Empty when
     * the task is gone or no longer pending (a human or a cancel got there first).
     */
    public Optional<ObjectNode> complete(String taskId) {
        long seed = context.config().workforceSeed();
        return context.db().write(h -> {
            Optional<ObjectNode> task = TaskLifecycle.load(h, taskId);
            if (task.isEmpty() || !"pending".equals(task.get().path("status").asString())) {
                return Optional.<ObjectNode>empty();
            }
            ObjectNode response = Responses.generate(TaskLifecycle.wire(task.get()), seed);
            Optional<ObjectNode> done = new TaskLifecycle(context).complete(h, taskId, response);
            done.ifPresent(t -> {
                Row row = row(h, taskId);
                QualityRecords.afterCompletion(h, context, seed, row.accountId(), row.testMode(), t);
            });
            return done;
        });
    }

    private record Row(String accountId, boolean testMode) {}

    private static Row row(org.jdbi.v3.core.Handle h, String taskId) {
        return h.createQuery("SELECT account_id, test_mode FROM tasks WHERE id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new Row(rs.getString("account_id"), rs.getInt("test_mode") == 1))
                .one();
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
