package dev.scaletoolkit.triggers;

import java.time.Duration;
import java.util.function.Function;

/**
 * How the triggers run.
 *
 * @param pollInterval time between two sweeps of a connection's tasks; zero turns polling off
 * @param pollOverlap how far before the newest update seen the next sweep starts again, so an update committed
 *     late at Scale is still read (the event log drops the repeats)
 * @param retention how long events are kept
 * @param webhookRetryWindow how long a webhook keeps retrying one event before it is recorded as failed
 * @param webhookFirstRetry the first retry delay; each later one doubles, with jitter, up to an hour
 */
public record TriggerSettings(
        Duration pollInterval,
        Duration pollOverlap,
        Duration retention,
        Duration webhookRetryWindow,
        Duration webhookFirstRetry) {

    public static TriggerSettings defaults() {
        return new TriggerSettings(
                Duration.ofSeconds(60),
                Duration.ofMinutes(2),
                Duration.ofDays(30),
                Duration.ofHours(24),
                Duration.ofSeconds(5));
    }

    /**
     * The defaults, changed by {@code SCALE_TRIGGERS_POLL_INTERVAL}, {@code SCALE_TRIGGERS_POLL_OVERLAP},
     * {@code SCALE_TRIGGERS_RETENTION} (ISO-8601 durations such as {@code PT30S} or {@code P7D}).
     */
    public static TriggerSettings fromEnv(Function<String, String> env) {
        TriggerSettings d = defaults();
        return new TriggerSettings(
                duration(env, "SCALE_TRIGGERS_POLL_INTERVAL", d.pollInterval()),
                duration(env, "SCALE_TRIGGERS_POLL_OVERLAP", d.pollOverlap()),
                duration(env, "SCALE_TRIGGERS_RETENTION", d.retention()),
                d.webhookRetryWindow(),
                d.webhookFirstRetry());
    }

    private static Duration duration(Function<String, String> env, String name, Duration fallback) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(v.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 duration such as PT30S or P7D, got '" + v + "'");
        }
    }

    public TriggerSettings withPollInterval(Duration d) {
        return new TriggerSettings(d, pollOverlap, retention, webhookRetryWindow, webhookFirstRetry);
    }

    public TriggerSettings withPollOverlap(Duration d) {
        return new TriggerSettings(pollInterval, d, retention, webhookRetryWindow, webhookFirstRetry);
    }

    public TriggerSettings withWebhookRetries(Duration first, Duration window) {
        return new TriggerSettings(pollInterval, pollOverlap, retention, window, first);
    }
}
