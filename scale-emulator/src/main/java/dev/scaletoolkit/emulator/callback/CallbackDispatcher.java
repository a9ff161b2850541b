package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due callbacks from the outbox ({@link CallbackStore}) and retries failures on the configured schedule.
 *
 * <p>Each delivery is claimed first (its {@code next_attempt_at} pushed past the send's timeout, in a committed
 * write), then sent outside any transaction, then its outcome recorded. Everything lives in the database, so a
 * restart resumes pending deliveries; a crash between sending and recording causes one repeat, never a loss
 * (callbacks are at-least-once, as on Scale, and receivers upsert by {@code task_id}).
 */
public final class CallbackDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final long POLL_MILLIS = 200;
    private static final int CLAIMS_PER_POLL = 20;
    private static final int SENDERS = 4;

    private final EmulatorContext context;
    private final CallbackSender sender;
    private final CallbackRecorder recorder;
    private final ScheduledExecutorService poller;
    private final ExecutorService senders;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean started;

    /** A dispatcher that sends nothing until {@link #start}. */
    public CallbackDispatcher(EmulatorContext context) {
        this.context = context;
        this.sender = new CallbackSender(context.config().callbackTimeout());
        this.recorder = new CallbackRecorder(context);
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("scale-callbacks"));
        this.senders = Executors.newFixedThreadPool(SENDERS, daemon("scale-callback-sender"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts polling the outbox; returns this. */
    public CallbackDispatcher start() {
        started = true;
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Wakes the dispatcher so a callback queued just now goes out without waiting for the next poll. */
    public void wake() {
        if (!started) {
            return;
        }
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException closed) {
            // closing: the next start picks the delivery up from the outbox
        }
    }

    private void poll() {
        try {
            // Claim no more than the senders can take, so a claim's lease does not run out while it waits.
            int room = SENDERS * 2 - inFlight.get();
            if (room <= 0) {
                return;
            }
            Duration lease = context.config().callbackTimeout().plusSeconds(30);
            List<CallbackStore.Delivery> claimed = recorder.claimDue(Math.min(room, CLAIMS_PER_POLL), lease);
            for (CallbackStore.Delivery delivery : claimed) {
                inFlight.incrementAndGet();
                senders.execute(() -> {
                    try {
                        deliver(delivery);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        } catch (RejectedExecutionException closing) {
            // the claimed delivery's lease runs out and the next start sends it
        } catch (RuntimeException e) {
            LOG.warn("Callback poll failed, will retry: {}", e.toString());
        }
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
        poller.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(
                    context.config().callbackTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
