package dev.scaletoolkit.client.http;

import java.time.Duration;

/** Waits between retries; tests inject one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real one: {@link Thread#sleep(long)}.
     *
     * @return a sleeper that blocks the thread
     */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
