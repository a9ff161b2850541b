package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.infra.store.Database;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets the import route wake the background fetcher at once instead of waiting for its next poll. Routes and
 * workers are built separately, so they meet through the emulator's {@link Database}, which is unique per emulator
 * (several emulators in one JVM, as in tests, each get their own signal).
 */
public final class FetchSignal {
    private static final Map<Database, FetchSignal> SIGNALS = Collections.synchronizedMap(new WeakHashMap<>());
    private final Semaphore permits = new Semaphore(0);

    private FetchSignal() {}

    public static FetchSignal of(Database db) {
        return SIGNALS.computeIfAbsent(db, d -> new FetchSignal());
    }

    /** Tells the fetcher there is new work. */
    public void wake() {
        permits.release();
    }

    /** Waits until woken or until {@code millis} pass; returns early if woken meanwhile. */
    public void await(long millis) throws InterruptedException {
        if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
