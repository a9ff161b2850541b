package dev.scaletoolkit.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: a base clock (the system's, or one a test hands in) moved forward by an offset that tests
 * control, in process through {@link #advance} or from another process through {@code POST /_emulator/clock}.
 * Everything that reads the time (timestamps, ids, the workforce's due times, leases, sessions, sweeps) reads it
 * here, so a test makes time pass instead of sleeping. It only moves forward: stored timestamps order listings.
 */
public final class EmulatorClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** A clock reading {@code base} plus the offset (none at first). */
    public EmulatorClock(Clock base) {
        this.base = base;
    }

    /** The system clock, controllable. */
    public static EmulatorClock system() {
        return new EmulatorClock(Clock.systemUTC());
    }

    /**
     * Moves every later reading {@code d} further ahead.
     *
     * @throws IllegalArgumentException when {@code d} is negative
     */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(d));
    }

    /** How far this clock is ahead of its base. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
