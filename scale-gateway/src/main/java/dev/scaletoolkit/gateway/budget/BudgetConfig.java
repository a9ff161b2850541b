package dev.scaletoolkit.gateway.budget;

import tools.jackson.databind.JsonNode;

/** {@code budgets.json}: limits by connection name and by token id or name, with {@code *} as the fallback. */
public final class BudgetConfig {
    private final JsonNode config;

    public BudgetConfig(JsonNode config) {
        this.config = config;
    }

    public Limits forConnection(String name) {
        return pick(config.path("connections"), name, null);
    }

    public Limits forToken(String id, String name) {
        return pick(config.path("tokens"), id, name);
    }

    private static Limits pick(JsonNode section, String key, String otherKey) {
        if (key != null && section.has(key)) {
            return Limits.from(section.get(key));
        }
        if (otherKey != null && section.has(otherKey)) {
            return Limits.from(section.get(otherKey));
        }
        return Limits.from(section.get("*"));
    }
}
