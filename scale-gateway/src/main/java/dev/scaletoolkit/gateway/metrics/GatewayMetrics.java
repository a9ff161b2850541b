package dev.scaletoolkit.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's Prometheus metrics (Micrometer): tool calls by tool and outcome, errors by code, agent retries,
 * latency histograms, estimated spend, budget refusals; plus the emulator's requests when it reports them here.
 * {@link #scrape} is the text {@code /metrics} serves.
 */
public final class GatewayMetrics {
    private static final Duration RETRY_WINDOW = Duration.ofMinutes(10);
    /** Request timers by method, route and status (built once each, looked up on every request). */
    private final java.util.Map<String, Timer> emulatorTimers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The latency buckets every timer keeps: a few, so a scrape stays small (Micrometer's percentile histogram
     * adds about seventy per timer, and a timer per route and status made a scrape at rest weigh 250 KB).
     */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(25),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(2)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Long> lastRetryableFailure = new ConcurrentHashMap<>();

    /** A registry that shows the JVM's and the process's figures (memory, GC, threads, CPU, uptime) from the start. */
    public GatewayMetrics() {
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.FileDescriptorMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Records one finished tool call. {@code callKey} identifies caller, tool and arguments, to count retries. */
    public void toolCall(
            String tool,
            String connection,
            String outcome,
            String errorCode,
            boolean retryable,
            long nanos,
            String callKey) {
        Counter.builder("scale.gateway.tool.calls")
                .description("Tool calls through the gateway")
                .tag("tool", tool)
                .tag("connection", connection == null ? "" : connection)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("scale.gateway.tool.latency")
                .description("Time from a tool call's arrival to its answer")
                .tag("tool", tool)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(nanos));
        if (errorCode != null) {
            Counter.builder("scale.gateway.tool.errors")
                    .description("Failed or refused tool calls by error code")
                    .tag("code", errorCode)
                    .register(registry)
                    .increment();
        }
        long now = System.currentTimeMillis();
        Long before = callKey == null ? null : lastRetryableFailure.get(callKey);
        if (before != null && now - before < RETRY_WINDOW.toMillis()) {
            Counter.builder("scale.gateway.retries")
                    .description("Calls that repeat a call which failed with a retryable error")
                    .tag("tool", tool)
                    .register(registry)
                    .increment();
        }
        if (callKey != null) {
            if (retryable) {
                lastRetryableFailure.put(callKey, now);
            } else {
                lastRetryableFailure.remove(callKey);
            }
        }
        if (lastRetryableFailure.size() > 10_000) {
            lastRetryableFailure.clear();
        }
    }

    public void spend(String connection, long costMicros) {
        if (costMicros > 0) {
            Counter.builder("scale.gateway.estimated.spend")
                    .description("Estimated spend of created tasks")
                    .baseUnit("usd")
                    .tag("connection", connection)
                    .register(registry)
                    .increment(costMicros / 1_000_000d);
        }
    }

    public void budgetRefusal(String limit) {
        Counter.builder("scale.gateway.budget.refusals")
                .description("Calls refused by a budget limit")
                .tag("limit", limit)
                .register(registry)
                .increment();
    }

    /** One request the emulator answered (its route template keeps the label set small). */
    public void emulatorRequest(String method, String route, int status, long nanos) {
        // Every request lands here: look the timer up by its tags instead of building and registering it each time.
        emulatorTimers
                .computeIfAbsent(
                        method + ' ' + route + ' ' + status,
                        k -> Timer.builder("scale.emulator.requests")
                                .description("Requests the emulator answered")
                                .tag("method", method)
                                .tag("route", route)
                                .tag("status", Integer.toString(status))
                                .serviceLevelObjectives(LATENCY_BUCKETS)
                                .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
