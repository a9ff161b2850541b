package dev.scaletoolkit.emulator.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #FREE_FAILURES} wrong passwords for one account (or
 * {@link #FREE_FAILURES_PER_ADDRESS} from one address, whichever account they name) each further try must wait
 * twice as long as the one before, from one second up to {@link #MAX_DELAY}. A try that comes too early is refused
 * unchecked (so it costs no bcrypt and proves nothing) and does not lengthen the wait. A right password clears
 * the account's and the address's count.
 *
 * <p>Counts live in memory: a restart forgets them, which only gives a guesser back five tries. Time comes from the
 * emulator's clock, so tests move it instead of waiting.
 */
public final class SignInThrottle {
    /** Wrong passwords for one account answered at once. */
    public static final int FREE_FAILURES = 5;
    /** Wrong passwords from one address answered at once. */
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    /** The longest wait. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Bounds the memory a stream of made-up emails can take. */
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant last) {}

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long after its {@code n}th failure in a row a key must wait (zero while tries are free). */
    public static Duration delayAfter(int n, int free) {
        if (n < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(n - free, 20);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** Whole seconds to wait before this account may be tried from this address; 0 when a try is allowed now. */
    long retryAfterSeconds(String email, String address) {
        Instant now = clock.instant();
        return Math.max(
                wait(account(email), FREE_FAILURES, now), wait(address(address), FREE_FAILURES_PER_ADDRESS, now));
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(MAX_DELAY).isBefore(now));
            if (failures.size() >= MAX_ENTRIES) {
                failures.clear();
            }
        }
        for (String key : new String[] {account(email), address(address)}) {
            failures.merge(key, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
    }

    void succeeded(String email, String address) {
        failures.remove(account(email));
        failures.remove(address(address));
    }

    private long wait(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null) {
            return 0;
        }
        Instant allowed = f.last().plus(delayAfter(f.count(), free));
        if (!now.isBefore(allowed)) {
            return 0;
        }
        long millis = Duration.between(now, allowed).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String account(String email) {
        return "account:" + email;
    }

    private static String address(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
