package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.http.Sleeper;
import dev.scaletoolkit.client.wait.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, adaptively: the first checks come quickly (a test-mode task finishes at once),
 * then the interval grows by half each time up to a ceiling, and the last wait is cut to the deadline.
 */
public final class Poller {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration initial;
    private final Duration ceiling;

    /**
     * A poller with its own intervals.
     *
     * @param clock the current time
     * @param sleeper how to wait
     * @param initial the first interval
     * @param ceiling the longest interval
     */
    public Poller(Clock clock, Sleeper sleeper, Duration initial, Duration ceiling) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.initial = initial;
        this.ceiling = ceiling;
    }

    /**
     * The SDK's poller: 250 ms growing to 15 s.
     *
     * @param clock the current time
     * @param sleeper how to wait
     * @return the poller
     */
    public static Poller create(Clock clock, Sleeper sleeper) {
        return new Poller(clock, sleeper, Duration.ofMillis(250), Duration.ofSeconds(15));
    }

    /**
     * Fetches until {@code done} accepts the value and returns it.
     *
     * @param <T> the value's type
     * @param fetch reads the current value
     * @param done whether the value is final
     * @param timeout how long to keep trying
     * @param what names the thing waited for, in the timeout message
     * @return the first value {@code done} accepts
     * @throws WaitTimeoutException when {@code timeout} passes first (carrying the last value seen)
     */
    public <T> T until(Supplier<T> fetch, Predicate<T> done, Duration timeout, String what) {
        Instant deadline = clock.instant().plus(timeout);
        Duration interval = initial;
        while (true) {
            T value = fetch.get();
            if (done.test(value)) {
                return value;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new WaitTimeoutException("gave up waiting for " + what + " after " + timeout, value);
            }
            try {
                sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScaleException("interrupted while waiting for " + what, e);
            }
            long next = (long) (interval.toMillis() * 1.5);
            interval = Duration.ofMillis(Math.min(next, ceiling.toMillis()));
        }
    }
}
