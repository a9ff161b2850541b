package dev.scaletoolkit.client.internal;

/**
 * Bounds requests in flight and adapts the bound: halved on every 429, grown by one after a run of successes as
 * long as the bound (additive increase, multiplicative decrease, as TCP does).
 */
public final class AdaptiveLimiter {
    private final int max;
    private int limit;
    private int inFlight;
    private int successes;

    /**
     * A limiter starting at its ceiling.
     *
     * @param max the most requests in flight, at least 1
     * @throws IllegalArgumentException below 1
     */
    public AdaptiveLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("bulk: 'concurrency' must be at least 1, got " + max);
        }
        this.max = max;
        this.limit = max;
    }

    /**
     * Waits for a free slot and takes it.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
    }

    /**
     * Gives a slot back.
     *
     */
    public synchronized void release() {
        inFlight--;
        notifyAll();
    }

    /**
     * Counts a success; after as many successes as the current bound, the bound grows by one.
     *
     */
    public synchronized void onSuccess() {
        if (++successes >= limit && limit < max) {
            limit++;
            successes = 0;
            notifyAll();
        }
    }

    /**
     * Halves the bound after a 429 (never below one).
     *
     */
    public synchronized void onRateLimited() {
        limit = Math.max(1, limit / 2);
        successes = 0;
    }

    /**
     * The current bound.
     *
     * @return the number of requests allowed in flight now
     */
    public synchronized int limit() {
        return limit;
    }
}
