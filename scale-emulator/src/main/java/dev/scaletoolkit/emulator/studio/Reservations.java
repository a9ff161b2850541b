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
 *
 * <p>A task of a consensus project ({@code labelers_per_task} N above 1) has N seats: up to N different people
 * hold it at once, each with their own lease, and a person who answered keeps their seat for good, so the task is
 * never handed to them again nor to more people than it needs.
 */
public final class Reservations {
    /** How long a lease runs unless renewed. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(30);

    /** Who holds a task and until when. */
    public record Lease(String taskId, String accountId, String email, Instant reservedAt, Instant expiresAt) {}

    /** What a reservation attempt found: the lease now running, and whether it is the asker's. */
    public record Claim(boolean granted, Lease lease) {}

    /**
     * Where a person stands on a task when they submit.
     *
     * @param mine whether they hold a running lease on it
     * @param blocker when they do not and no seat is free: someone who holds one
     */
    public record Standing(boolean mine, Optional<Lease> blocker) {}

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
     * Reserves (or renews) the task for {@code email}. When every seat is held by someone else (one seat for an
     * ordinary task), nothing changes and the answer names one of them.
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
        Optional<Lease> held = context.db().read(h -> leaseOf(h, taskId, email));
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
        long from = now.toEpochMilli();
        long until = now.plus(length).toEpochMilli();
        boolean granted = ReservationStore.renew(h, taskId, email, from, until);
        if (!granted && !ReservationStore.answered(h, taskId, email)) {
            int seats = Seats.of(h, accountId, taskId).labelersPerTask();
            for (int seat = 0; seat < seats && !granted; seat++) {
                granted = ReservationStore.claim(h, accountId, taskId, seat, email, from, until);
            }
        }
        List<Lease> leases = ReservationStore.onTask(h, taskId, from);
        if (granted) {
            return new Claim(true, mine(leases, email).orElseThrow());
        }
        Lease other = leases.stream()
                .filter(l -> !l.email().equals(email))
                .findFirst()
                // Only reached when the person already answered this consensus task: their own seat.
                .orElse(new Lease(taskId, accountId, email, now, now));
        return new Claim(false, other);
    }

    /** Someone's running lease on a task (the only one for an ordinary task). */
    public Optional<Lease> holder(String taskId) {
        return context.db().read(h -> holder(h, taskId));
    }

    /** As {@link #holder(String)}, on the caller's handle. */
    public Optional<Lease> holder(Handle h, String taskId) {
        return ReservationStore.onTask(h, taskId, context.clock().millis()).stream()
                .findFirst();
    }

    /** {@code email}'s running lease on the task, if they hold one. */
    public Optional<Lease> leaseOf(Handle h, String taskId, String email) {
        return mine(ReservationStore.onTask(h, taskId, context.clock().millis()), email);
    }

    /** Whether {@code email} holds a running lease on the task and, if not, who stands in their way. */
    public Standing standing(Handle h, String accountId, String taskId, String email) {
        List<Lease> leases = ReservationStore.onTask(h, taskId, context.clock().millis());
        if (mine(leases, email).isPresent()) {
            return new Standing(true, Optional.empty());
        }
        int seats = Seats.of(h, accountId, taskId).labelersPerTask();
        int answered = seats > 1 ? Consensus.answerCount(h, taskId) : 0;
        boolean full = leases.size() + answered >= seats;
        return new Standing(false, full ? leases.stream().findFirst() : Optional.empty());
    }

    /** Whether {@code email} already answered this consensus task (their seat is taken for good). */
    public boolean answered(Handle h, String taskId, String email) {
        return ReservationStore.answered(h, taskId, email);
    }

    /** The running leases of an account, soonest to expire first. */
    public List<Lease> running(String accountId) {
        return context.db()
                .read(h ->
                        ReservationStore.running(h, accountId, context.clock().millis()));
    }

    /** A manager frees a task: every running lease on it ends now. Answers whether there was one. */
    public boolean release(String accountId, String taskId) {
        return context.db().write(h -> ReservationStore.delete(h, accountId, taskId));
    }

    /** The holder gives the task back (skipped, reported, submitted), inside the caller's transaction. */
    public void giveBack(Handle h, String taskId, String email) {
        ReservationStore.deleteHeldBy(h, taskId, email);
    }

    /** The holder answered a consensus task: their seat stays taken, inside the caller's transaction. */
    void answeredBy(Handle h, String accountId, String taskId, String email) {
        if (!ReservationStore.markAnswered(h, taskId, email, context.clock().millis())) {
            // Submitted "anyway" after the lease ran out and nobody took the seat: take one now and keep it.
            reserve(h, accountId, taskId, email);
            ReservationStore.markAnswered(h, taskId, email, context.clock().millis());
        }
    }

    /** The task is finished: its seats are freed, answered ones too. */
    void finished(Handle h, String taskId) {
        ReservationStore.deleteTask(h, taskId);
    }

    private static Optional<Lease> mine(List<Lease> leases, String email) {
        return leases.stream().filter(l -> l.email().equals(email)).findFirst();
    }
}
