package dev.scaletoolkit.emulator.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults a test asks for through {@code /_emulator/faults}, so that clients' retry and recovery paths can be
 * exercised: a status before the route runs (429 with {@code Retry-After}, 503…), a status after the route has
 * committed (the "false 500" of a create that did happen), and added latency. Each rule applies to requests whose
 * method and path prefix match, for a number of times ({@code -1} for always).
 *
 * <p>Faults are for the caller's requests: the toolkit's own background clients (the triggers poller) identify
 * themselves with {@link #BACKGROUND_USER_AGENT} in their User-Agent and are matched only by a rule whose
 * {@code source} is {@code background} or {@code any}. Otherwise a poller running beside a test would take the
 * faults the test injected for its own client.
 */
public final class FaultPlan {
    /**
     * The product token the toolkit's background clients add to their User-Agent. A user's client does not send it
     * unless it copies it on purpose.
     */
    public static final String BACKGROUND_USER_AGENT = "scale-toolkit-background";

    /** Whose requests a rule applies to. */
    public enum Source {
        /** Requests of the caller's clients (the default). */
        CLIENT,
        /** Requests of the toolkit's own background clients only. */
        BACKGROUND,
        /** Both. */
        ANY;

        boolean matches(boolean background) {
            return this == ANY || (this == BACKGROUND) == background;
        }
    }

    /** Whether a request with this User-Agent comes from one of the toolkit's background clients. */
    public static boolean isBackground(String userAgent) {
        return userAgent != null && userAgent.contains(BACKGROUND_USER_AGENT);
    }
    /** When a rule fires relative to the route: before it runs, or after its change is committed. */
    public enum Phase {
        BEFORE,
        AFTER_COMMIT
    }

    /** One rule. {@code status} 0 means "latency only". */
    public record Rule(
            String method,
            String pathPrefix,
            Phase phase,
            int status,
            int retryAfterSeconds,
            long latencyMillis,
            int times,
            Source source) {
        /** A rule for the caller's requests. */
        public Rule(
                String method,
                String pathPrefix,
                Phase phase,
                int status,
                int retryAfterSeconds,
                long latencyMillis,
                int times) {
            this(method, pathPrefix, phase, status, retryAfterSeconds, latencyMillis, times, Source.CLIENT);
        }
    }

    private final List<MutableRule> rules = new ArrayList<>();

    private static final class MutableRule {
        final Rule rule;
        int remaining;

        MutableRule(Rule rule) {
            this.rule = rule;
            this.remaining = rule.times();
        }

        boolean matches(String method, String path, boolean background) {
            return rule.source().matches(background)
                    && (rule.method() == null || rule.method().equalsIgnoreCase(method))
                    && (rule.pathPrefix() == null || path.startsWith(rule.pathPrefix()));
        }
    }

    public synchronized void add(Rule rule) {
        rules.add(new MutableRule(rule));
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<Rule> rules() {
        return rules.stream().map(r -> r.rule).toList();
    }

    /** Consumes and returns the first rule of {@code phase} matching a caller's request, if any. */
    public Optional<Rule> take(Phase phase, String method, String path) {
        return take(phase, method, path, false);
    }

    /**
     * Consumes and returns the first matching rule of {@code phase}, if any; {@code background} says whether the
     * request comes from one of the toolkit's background clients ({@link #isBackground}).
     */
    public synchronized Optional<Rule> take(Phase phase, String method, String path, boolean background) {
        Iterator<MutableRule> it = rules.iterator();
        while (it.hasNext()) {
            MutableRule r = it.next();
            if (r.rule.phase() != phase || !r.matches(method, path, background)) {
                continue;
            }
            if (r.remaining > 0 && --r.remaining == 0) {
                it.remove();
            }
            return Optional.of(r.rule);
        }
        return Optional.empty();
    }
}
