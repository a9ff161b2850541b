package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.task.TaskLifecycle;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** The database side of callback delivery: claiming due rows, and recording each attempt's outcome. */
final class CallbackRecorder {
    private final EmulatorContext context;

    CallbackRecorder(EmulatorContext context) {
        this.context = context;
    }

    /** A claimed outbox row. {@code attempts} counts the attempts made before this one. */
    record Delivery(
            String id,
            String accountId,
            boolean testMode,
            String taskId,
            String batchName,
            String url,
            String body,
            int attempts) {}

    /**
     * Claims up to {@code limit} due deliveries by moving their {@code next_attempt_at} a lease into the future;
     * if the emulator dies before recording the outcome, the delivery becomes due again when the lease ends.
     */
    List<Delivery> claimDue(int limit, Duration lease) {
        Instant now = context.clock().instant();
        String nowText = ScaleTime.format(now);
        return context.db().write(h -> {
            List<Delivery> due = h.createQuery("SELECT id, account_id, test_mode, task_id, batch_name, url, body,"
                            + " attempts FROM callbacks WHERE state = 'pending' AND next_attempt_at <= :now"
                            + " ORDER BY next_attempt_at, id LIMIT " + limit)
                    .bind("now", nowText)
                    .map((rs, ctx) -> new Delivery(
                            rs.getString("id"),
                            rs.getString("account_id"),
                            rs.getInt("test_mode") == 1,
                            rs.getString("task_id"),
                            rs.getString("batch_name"),
                            rs.getString("url"),
                            rs.getString("body"),
                            rs.getInt("attempts")))
                    .list();
            List<Delivery> claimed = new java.util.ArrayList<>();
            for (Delivery d : due) {
                // Conditional, so that of several nodes sharing one database only one claims each delivery.
                int rows = h.createUpdate("UPDATE callbacks SET next_attempt_at = :lease"
                                + " WHERE id = :id AND state = 'pending' AND next_attempt_at <= :now")
                        .bind("lease", ScaleTime.format(now.plus(lease)))
                        .bind("id", d.id())
                        .bind("now", nowText)
                        .execute();
                if (rows == 1) {
                    claimed.add(d);
                }
            }
            return claimed;
        });
    }

    Optional<String> callbackAuthKey(String accountId) {
        return context.db()
                .read(h -> h.createQuery("SELECT callback_auth_key FROM accounts WHERE id = :id")
                        .bind("id", accountId)
                        .mapTo(String.class)
                        .findOne());
    }

    /**
     * Records an attempt: delivered, pending again after the next retry delay, or failed once the retries are
     * spent. Task callbacks also set the task's {@code callback_succeeded}.
     */
    void record(Delivery delivery, CallbackSender.Outcome outcome) {
        if (outcome.interrupted()) {
            release(delivery);
            return;
        }
        List<Duration> delays = context.config().callbackRetryDelays();
        int attempts = delivery.attempts() + 1;
        Instant now = context.clock().instant();
        String state;
        String next = ScaleTime.format(now);
        if (outcome.delivered()) {
            state = "delivered";
        } else if (outcome.permanent() || attempts > delays.size()) {
            state = "failed";
        } else {
            state = "pending";
            next = ScaleTime.format(now.plus(delays.get(attempts - 1)));
        }
        String finalState = state;
        String nextAttempt = next;
        context.db().write(h -> {
            int updated = h.createUpdate("UPDATE callbacks SET state = :state, attempts = :attempts,"
                            + " next_attempt_at = :next, last_status = :status, last_error = :error,"
                            + " updated_at = :now WHERE id = :id AND state = 'pending'")
                    .bind("state", finalState)
                    .bind("attempts", attempts)
                    .bind("next", nextAttempt)
                    .bind("status", outcome.status() == 0 ? null : outcome.status())
                    .bind("error", outcome.error())
                    .bind("now", ScaleTime.format(now))
                    .bind("id", delivery.id())
                    .execute();
            if (updated == 1 && delivery.taskId() != null && !finalState.equals("pending")) {
                setCallbackSucceeded(h, delivery.taskId(), finalState.equals("delivered"));
            }
            return null;
        });
    }

    /** Makes a claimed delivery due again at once, without counting an attempt (the send was cut short). */
    private void release(Delivery delivery) {
        context.db()
                .write(h -> h.createUpdate(
                                "UPDATE callbacks SET next_attempt_at = :now WHERE id = :id AND state = 'pending'")
                        .bind("now", context.now())
                        .bind("id", delivery.id())
                        .execute());
    }

    private static void setCallbackSucceeded(Handle h, String taskId, boolean succeeded) {
        Optional<ObjectNode> task = TaskLifecycle.load(h, taskId);
        if (task.isPresent()
                && (!task.get().has("callback_succeeded")
                        || task.get().get("callback_succeeded").asBoolean() != succeeded)) {
            task.get().put("callback_succeeded", succeeded);
            TaskLifecycle.save(h, task.get());
        }
    }
}
