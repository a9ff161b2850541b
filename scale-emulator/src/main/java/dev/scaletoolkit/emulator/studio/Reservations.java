package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Task reservations: opening a task reserves it for one person for a lease (30 minutes unless configured), which
 * the open page renews; the queue never hands out a task someone else holds; an expired lease frees the task; a
 * manager can release one. Leases live in the database, so nodes sharing PostgreSQL agree on who holds what.
 */
public final class Reservations {
    /** How long a lease runs unless renewed. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(30);

    /** Who holds a task and until when. */
    public record Lease(String taskId, String accountId, String email, Instant reservedAt, Instant expiresAt) {}

    /** What a reservation attempt found: the lease now running, and whether it is the asker's. */
    public record Claim(boolean granted, Lease lease) {}

    private final EmulatorContext context;
    private final Duration length;

    public Reservations(EmulatorContext context) {
        this(context, DEFAULT_LEASE);
    }

    public Reservations(EmulatorContext context, Duration length) {
        this.context = context;
        this.length = length;
    }

    /** How long a lease runs. */
    public Duration length() {
        return length;
    }

    /**
     * Reserves (or renews) the task for {@code email}. When someone else holds a running lease, nothing changes
     * and the answer names them.
     */
    public Claim reserve(String accountId, String taskId, String email) {
        return context.db().write(h -> reserve(h, accountId, taskId, email));
    }

    /**
     * As {@link #reserve(String, String, String)}, but a lease the person took or renewed within the last minute is
     * answered as it is, without a write: opening the task the queue has just reserved costs no second commit.
     */
    public Claim hold(String accountId, String taskId, String email) {
        Instant fresh = context.clock().instant().plus(length).minus(Duration.ofMinutes(1));
        Optional<Lease> held = holder(taskId);
        if (held.isPresent()
                && held.get().email().equals(email)
                && held.get().accountId().equals(accountId)
                && held.get().expiresAt().isAfter(fresh)) {
            return new Claim(true, held.get());
        }
        return reserve(accountId, taskId, email);
    }

    /** As {@link #reserve(String, String, String)}, inside the caller's write transaction. */
    public Claim reserve(Handle h, String accountId, String taskId, String email) {
        Instant now = context.clock().instant();
        boolean granted = ReservationStore.claim(
                h,
                accountId,
                taskId,
                email,
                now.toEpochMilli(),
                now.plus(length).toEpochMilli());
        Lease lease = ReservationStore.onTask(h, taskId, now.toEpochMilli()).orElseThrow();
        return new Claim(granted, lease);
    }

    /** The running lease on a task, whoever holds it. */
    public Optional<Lease> holder(String taskId) {
        return context.db().read(h -> holder(h, taskId));
    }

    /** As {@link #holder(String)}, on the caller's handle. */
    public Optional<Lease> holder(Handle h, String taskId) {
        return ReservationStore.onTask(h, taskId, context.clock().millis());
    }

    /** The running leases of an account, soonest to expire first. */
    public List<Lease> running(String accountId) {
        return context.db()
                .read(h ->
                        ReservationStore.running(h, accountId, context.clock().millis()));
    }

    /** A manager frees a task: its lease ends now. Answers whether there was one. */
    public boolean release(String accountId, String taskId) {
        return context.db().write(h -> ReservationStore.delete(h, accountId, taskId));
    }

    /** The holder gives the task back (skipped, reported, submitted), inside the caller's transaction. */
    public void giveBack(Handle h, String taskId, String email) {
        ReservationStore.deleteHeldBy(h, taskId, email);
    }
}
