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

    public AdaptiveLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("bulk: 'concurrency' must be at least 1, got " + max);
        }
        this.max = max;
        this.limit = max;
    }

    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
    }

    public synchronized void release() {
        inFlight--;
        notifyAll();
    }

    public synchronized void onSuccess() {
        if (++successes >= limit && limit < max) {
            limit++;
            successes = 0;
            notifyAll();
        }
    }

    public synchronized void onRateLimited() {
        limit = Math.max(1, limit / 2);
        successes = 0;
    }

    public synchronized int limit() {
        return limit;
    }
}
