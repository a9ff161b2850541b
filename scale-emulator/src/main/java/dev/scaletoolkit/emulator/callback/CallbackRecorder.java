package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.AccountStore;
import dev.scaletoolkit.emulator.callback.CallbackStore.Delivery;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The database side of callback delivery: claiming due rows, and recording each attempt's outcome. */
final class CallbackRecorder {
    private final EmulatorContext context;
    private final TaskCallbackOutcome taskOutcome;

    CallbackRecorder(EmulatorContext context, TaskCallbackOutcome taskOutcome) {
        this.context = context;
        this.taskOutcome = taskOutcome;
    }

    /**
     * Claims up to {@code limit} due deliveries by moving their {@code next_attempt_at} a lease into the future;
     * if the emulator dies before recording the outcome, the delivery becomes due again when the lease ends.
     */
    List<Delivery> claimDue(int limit, Duration lease) {
        Instant now = context.clock().instant();
        String nowText = ScaleTime.format(now);
        String leaseUntil = ScaleTime.format(now.plus(lease));
        return context.db().write(h -> {
            List<Delivery> claimed = new java.util.ArrayList<>();
            for (Delivery d : CallbackStore.due(h, nowText, limit)) {
                if (CallbackStore.claim(h, d.id(), nowText, leaseUntil)) {
                    claimed.add(d);
                }
            }
            return claimed;
        });
    }

    Optional<String> callbackAuthKey(String accountId) {
        return context.db().read(h -> AccountStore.callbackAuthKey(h, context.secrets(), accountId));
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
            boolean updated = CallbackStore.record(
                    h,
                    delivery.id(),
                    finalState,
                    attempts,
                    nextAttempt,
                    outcome.status() == 0 ? null : outcome.status(),
                    outcome.error(),
                    ScaleTime.format(now));
            if (updated && delivery.taskId() != null && !finalState.equals("pending")) {
                taskOutcome.settled(h, delivery.taskId(), finalState.equals("delivered"));
            }
            return null;
        });
    }

    /** Makes a claimed delivery due again at once, without counting an attempt (the send was cut short). */
    private void release(Delivery delivery) {
        context.db().write(h -> {
            CallbackStore.release(h, delivery.id(), context.now());
            return null;
        });
    }
}
