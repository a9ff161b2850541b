package dev.scaletoolkit.infra.delivery;

import dev.scaletoolkit.infra.work.Supervisor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The claim-and-send loop of an outbox kept in a database: one poller thread claims due work (a lease written to
 * the database, so a crash only delays it) and a small pool sends it, outside any transaction. What a claim is,
 * how one item is sent and how its outcome and retry are recorded belong to the caller.
 *
 * <p>Used by the emulator's callback dispatcher and by scale-triggers' webhook dispatcher.
 *
 * @param <T> one claimed piece of work
 */
public final class DeliveryLoop<T> implements AutoCloseable {
    private final String name;
    private final Duration tick;
    private final int senderCount;
    private final Duration sendTimeout;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> deliver;
    private final ExecutorService senders;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Supervisor.Worker poller;
    private Supervisor ownSupervisor;

    /**
     * A loop that does nothing until {@link #start}.
     *
     * @param name names the threads ({@code name}, {@code name-sender}) and the log lines
     * @param tick the pause between two polls
     * @param senders how many items are sent at once
     * @param sendTimeout the longest one send takes; {@link #close} waits that long for sends under way
     * @param claim claims at most the given number of due items (committed before it returns)
     * @param deliver sends one claimed item and records its outcome; an item it leaves claimed is retried when its
     *     lease runs out
     */
    public DeliveryLoop(
            String name,
            Duration tick,
            int senders,
            Duration sendTimeout,
            IntFunction<List<T>> claim,
            Consumer<T> deliver) {
        this.name = name;
        this.tick = tick;
        this.senderCount = senders;
        this.sendTimeout = sendTimeout;
        this.claim = claim;
        this.deliver = deliver;
        this.senders = Executors.newFixedThreadPool(senders, daemon(name + "-sender"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts polling under a supervisor of its own (a failed poll is logged once and retried); returns this. */
    public DeliveryLoop<T> start() {
        ownSupervisor = new Supervisor();
        return start(ownSupervisor);
    }

    /**
     * Starts polling as a worker of {@code supervisor}, which logs a failed poll once, retries it after a back-off
     * and reports the loop as down meanwhile; returns this.
     */
    public DeliveryLoop<T> start(Supervisor supervisor) {
        poller = supervisor.start(name, tick, this::poll);
        return this;
    }

    /** Polls now rather than at the next tick (new work was just queued). Does nothing before {@link #start}. */
    public void wake() {
        Supervisor.Worker p = poller;
        if (p != null) {
            p.wake();
        }
    }

    private void poll() {
        try {
            // Claim no more than the senders can take, so a claim's lease does not run out while it waits.
            int room = senderCount * 2 - inFlight.get();
            if (room <= 0) {
                return;
            }
            for (T item : claim.apply(room)) {
                inFlight.incrementAndGet();
                senders.execute(() -> {
                    try {
                        deliver.accept(item);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        } catch (RejectedExecutionException closing) {
            // the claimed item's lease runs out and the next start sends it
        }
        // Anything else is the supervisor's: it logs the failure once and polls again after a back-off.
    }

    /** Stops polling and waits up to a send's timeout for the sends under way. */
    @Override
    public void close() {
        Supervisor.Worker p = poller;
        if (p != null) {
            p.close();
        }
        if (ownSupervisor != null) {
            ownSupervisor.close();
        }
        senders.shutdown();
        try {
            if (!senders.awaitTermination(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
