package dev.scaletoolkit.infra.store;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit: writes that arrive while another commit is in progress queue up, and the next leader runs all of
 * them in one transaction with one commit (one sync with {@code synchronous=FULL}).
 *
 * <p>Each write runs inside its own savepoint, so a write that throws (a unique_id conflict, a validation error
 * found late) is rolled back alone and its neighbours still commit. Every caller gets its own answer only after
 * the commit that holds its write; if that commit fails, each write of the group is run again in a transaction of
 * its own, so one bad write can never fail the others. Writes that lose a database-level race (deadlock or
 * serialisation failure on PostgreSQL) inside a group are also run again alone, as they would have been before.
 *
 * <p>Leadership passes from thread to thread: the caller that finds no commit in progress leads; when it is done
 * it wakes the oldest waiting caller, which leads the next group. No thread of our own is needed.
 */
final class GroupCommit {
    /** Bounds a group so one commit never holds a long queue of callers. */
    static final int MAX_GROUP = 256;
    /** How often a write that keeps losing database-level races is run before its caller hears of it. */
    static final int MAX_ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private boolean leading; // guarded by queue; false only while the queue is empty
    private final ThreadLocal<Handle> inGroup = new ThreadLocal<>();
    private final LongAdder commits = new LongAdder();
    private final LongAdder writes = new LongAdder();

    GroupCommit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <R> R write(HandleCallback<R, RuntimeException> work) {
        Handle open = inGroup.get();
        if (open != null) {
            // A write started by a write joins its transaction (the single SQLite writer is already ours).
            return nested(open, work);
        }
        Pending<R> mine = new Pending<>(work);
        boolean lead;
        synchronized (queue) {
            queue.add(mine);
            lead = !leading;
            leading = true;
        }
        if (!lead) {
            mine.awaitTurn();
        }
        if (!mine.finished()) {
            lead();
        }
        return mine.outcome();
    }

    /** Writes waiting for the next group (tests use it to build a group on purpose). */
    int waiting() {
        synchronized (queue) {
            return leading ? Math.max(0, queue.size()) : 0;
        }
    }

    /** Commits and writes so far, for the benchmark: writes / commits is the mean group size. */
    long[] counts() {
        return new long[] {commits.sum(), writes.sum()};
    }

    private void lead() {
        List<Pending<?>> group = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && group.size() < MAX_GROUP) {
                group.add(queue.poll());
            }
        }
        try {
            run(group);
        } finally {
            Pending<?> next;
            synchronized (queue) {
                next = queue.peek();
                if (next == null) {
                    leading = false;
                }
            }
            for (Pending<?> p : group) {
                p.finish();
            }
            if (next != null) {
                next.promote();
            }
        }
    }

    private void run(List<Pending<?>> group) {
        writes.add(group.size());
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        List<Pending<?>> retry = new ArrayList<>();
        try (Handle h = jdbi.open()) {
            inGroup.set(h);
            h.begin();
            try {
                for (Pending<?> p : group) {
                    Savepoint before = savepoint(h);
                    try {
                        p.run(h);
                        release(h, before);
                    } catch (Throwable e) {
                        undo(h, before);
                        p.fail(e);
                        if (isLostRace(e)) {
                            retry.add(p);
                        }
                    }
                }
                h.commit();
                commits.increment();
            } catch (RuntimeException groupFailed) {
                rollbackQuietly(h);
                retry.clear();
                retry.addAll(group);
            } finally {
                inGroup.remove();
            }
        }
        for (Pending<?> p : retry) {
            alone(p);
        }
    }

    /**
     * One write in a transaction of its own, as before group commit. A write that loses a database-level race
     * (another node's transaction held the rows it needed in the other order) is run again: it did nothing wrong,
     * and answering it with an error would turn a lost race into a 500.
     */
    private void alone(Pending<?> p) {
        for (int attempt = 1; ; attempt++) {
            p.reset();
            boolean lostRace = false;
            try (Handle h = jdbi.open()) {
                inGroup.set(h);
                try {
                    h.begin();
                    p.run(h);
                    h.commit();
                    commits.increment();
                } catch (Throwable e) {
                    rollbackQuietly(h);
                    p.fail(e);
                    lostRace = isLostRace(e);
                } finally {
                    inGroup.remove();
                }
            } catch (RuntimeException cannotOpen) {
                p.fail(cannotOpen);
            }
            if (!lostRace || attempt >= MAX_ATTEMPTS) {
                return;
            }
            // The winner is committing now; a short random pause keeps the two from meeting again at once.
            java.util.concurrent.locks.LockSupport.parkNanos(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 5)));
        }
    }

    private static <R> R nested(Handle h, HandleCallback<R, RuntimeException> work) {
        Savepoint before = savepoint(h);
        try {
            R result = work.withHandle(h);
            release(h, before);
            return result;
        } catch (RuntimeException | Error e) {
            undo(h, before);
            throw e;
        }
    }

    // Savepoints through JDBC itself: Jdbi forgets a savepoint once rolled back to, but SQL keeps it until released.

    private static Savepoint savepoint(Handle h) {
        try {
            return h.getConnection().setSavepoint();
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    private static void release(Handle h, Savepoint savepoint) {
        try {
            h.getConnection().releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    private static void undo(Handle h, Savepoint savepoint) {
        try {
            h.getConnection().rollback(savepoint);
            h.getConnection().releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    private static void rollbackQuietly(Handle h) {
        try {
            if (h.isInTransaction()) {
                h.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection is going back to the pool broken or not; the caller reports the first failure
        }
    }

    /** A deadlock or serialisation failure (SQLSTATE class 40): the write did nothing wrong and may run again. */
    private static boolean isLostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** One caller's write: its work, then its result or failure, and the latch the caller waits on. */
    private static final class Pending<R> {
        private final HandleCallback<R, RuntimeException> work;
        private final CountDownLatch turn = new CountDownLatch(1);
        private volatile boolean finished;
        private R result;
        private Throwable failure;

        Pending(HandleCallback<R, RuntimeException> work) {
            this.work = work;
        }

        void run(Handle h) {
            result = work.withHandle(h);
        }

        void fail(Throwable e) {
            result = null;
            failure = e;
        }

        void reset() {
            result = null;
            failure = null;
        }

        /** The group holding this write has committed (or failed for good): wake the caller with its answer. */
        void finish() {
            finished = true;
            turn.countDown();
        }

        /** This caller leads the next group. */
        void promote() {
            turn.countDown();
        }

        boolean finished() {
            return finished;
        }

        void awaitTurn() {
            boolean interrupted = false;
            while (true) {
                try {
                    turn.await();
                    break;
                } catch (InterruptedException e) {
                    // the write is queued and will commit; its caller must hear how it went
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        R outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return result;
        }
    }
}
