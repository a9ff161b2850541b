package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.infra.delivery.DeliveryLoop;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due callbacks from the outbox ({@link CallbackStore}) and retries failures on the configured schedule.
 *
 * <p>Each delivery is claimed first (its {@code next_attempt_at} pushed past the send's timeout, in a committed
 * write), then sent outside any transaction, then its outcome recorded. Everything lives in the database, so a
 * restart resumes pending deliveries; a crash between sending and recording causes one repeat, never a loss
 * (callbacks are at-least-once, as on Scale, and receivers upsert by {@code task_id}). The threads that poll and
 * send are a {@link DeliveryLoop}.
 */
public final class CallbackDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int CLAIMS_PER_POLL = 20;
    private static final int SENDERS = 4;

    private final EmulatorContext context;
    private final CallbackSender sender;
    private final CallbackRecorder recorder;
    private final DeliveryLoop<CallbackStore.Delivery> loop;

    /**
     * A dispatcher that sends nothing until {@link #start}.
     *
     * @param taskOutcome told when a task's callback is delivered or given up, in the same transaction
     */
    public CallbackDispatcher(EmulatorContext context, TaskCallbackOutcome taskOutcome) {
        this.context = context;
        this.sender = new CallbackSender(
                context.outbound().callbacks(), context.config().callbackTimeout());
        this.recorder = new CallbackRecorder(context, taskOutcome);
        this.loop = new DeliveryLoop<>(
                "scale-callbacks", POLL, SENDERS, context.config().callbackTimeout(), this::claim, this::deliver);
    }

    /** Starts polling the outbox; returns this. */
    public CallbackDispatcher start() {
        loop.start(context.supervisor());
        return this;
    }

    /** Wakes the dispatcher so a callback queued just now goes out without waiting for the next poll. */
    public void wake() {
        loop.wake();
    }

    private List<CallbackStore.Delivery> claim(int room) {
        Duration lease = context.config().callbackTimeout().plusSeconds(30);
        return recorder.claimDue(Math.min(room, CLAIMS_PER_POLL), lease);
    }

    private void deliver(CallbackStore.Delivery delivery) {
        try {
            CallbackSender.Outcome outcome;
            if (CallbackSender.isEmailAddress(delivery.url())) {
                // Scale emails the task JSON to address callbacks; the emulator has no mail server, so it counts
                // such a delivery as made and leaves it visible in /_emulator/callbacks.
                outcome = CallbackSender.Outcome.delivered(0, "email address: not sent, recorded only");
            } else {
                Optional<String> authKey = recorder.callbackAuthKey(delivery.accountId());
                outcome = authKey.isEmpty()
                        ? CallbackSender.Outcome.permanentFailure("the account no longer exists")
                        : sender.send(delivery.url(), delivery.body(), authKey.get());
            }
            recorder.record(delivery, outcome);
            if (!outcome.delivered() && !outcome.interrupted()) {
                LOG.info(
                        "Callback {} to {} failed (attempt {}): {}",
                        delivery.id(),
                        CallbackSender.redact(delivery.url()),
                        delivery.attempts() + 1,
                        outcome.error());
            }
        } catch (RuntimeException e) {
            // Left claimed: the lease expires and the delivery is tried again.
            LOG.warn("Callback {} could not be processed: {}", delivery.id(), e.toString());
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
