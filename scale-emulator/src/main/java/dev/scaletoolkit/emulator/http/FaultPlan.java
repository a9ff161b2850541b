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
 */
public final class FaultPlan {
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
            int times) {}

    private final List<MutableRule> rules = new ArrayList<>();

    private static final class MutableRule {
        final Rule rule;
        int remaining;

        MutableRule(Rule rule) {
            this.rule = rule;
            this.remaining = rule.times();
        }

        boolean matches(String method, String path) {
            return (rule.method() == null || rule.method().equalsIgnoreCase(method))
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

    /** Consumes and returns the first matching rule of {@code phase}, if any. */
    public synchronized Optional<Rule> take(Phase phase, String method, String path) {
        Iterator<MutableRule> it = rules.iterator();
        while (it.hasNext()) {
            MutableRule r = it.next();
            if (r.rule.phase() != phase || !r.matches(method, path)) {
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
