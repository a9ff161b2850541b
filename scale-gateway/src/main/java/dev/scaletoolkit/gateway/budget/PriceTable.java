package dev.scaletoolkit.gateway.budget;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Estimated price per task by task type ({@code prices.json} in the gateway home), in micro-dollars. */
public final class PriceTable {
    private final long defaultMicros;
    private final Map<String, Long> perType = new HashMap<>();

    public PriceTable(JsonNode config) {
        this.defaultMicros = micros(config.path("default_per_task").asDouble(0.10));
        config.path("per_task")
                .properties()
                .forEach(e -> perType.put(e.getKey(), micros(e.getValue().asDouble())));
    }

    /** The estimated cost of {@code tasks} tasks of {@code type}. */
    public long costMicros(String type, int tasks) {
        return perType.getOrDefault(type, defaultMicros) * tasks;
    }

    private static long micros(double usd) {
        return Math.round(usd * 1_000_000d);
    }

    /** Micro-dollars as dollars, for messages and JSON. */
    public static double usd(long micros) {
        return micros / 1_000_000d;
    }
}
