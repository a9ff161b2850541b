package dev.scaletoolkit.triggers.mcp;

import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.EventType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the arguments of the event tools into an {@link EventQuery}, collecting every bad field so the agent can
 * fix them all at once.
 */
final class EventToolArgs {
    final List<String> problems = new ArrayList<>();
    private final Map<String, Object> args;

    EventToolArgs(Map<String, Object> args) {
        this.args = args == null ? Map.of() : args;
    }

    EventQuery query(String connection, long defaultAfter, int defaultLimit, int maxLimit) {
        long since = integer("since_id", defaultAfter, 0, Long.MAX_VALUE);
        int limit = (int) integer("limit", defaultLimit, 1, maxLimit);
        return new EventQuery(since, types(), connection, text("project"), text("batch"), text("task_id"), limit);
    }

    long integer(String field, long fallback, long min, long max) {
        Object v = args.get(field);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            problems.add("'" + field + "' must be an integer, got " + v);
            return fallback;
        }
        long value = n.longValue();
        if (value < min || value > max) {
            problems.add("'" + field + "' must be between " + min + " and " + max + ", got " + value);
            return fallback;
        }
        return value;
    }

    private String text(String field) {
        Object v = args.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add("'" + field + "' must be a non-empty string");
            return null;
        }
        return s;
    }

    private Set<EventType> types() {
        Object v = args.get("types");
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problems.add("'types' must be an array such as [\"task.completed\"]");
            return out;
        }
        for (Object item : list) {
            try {
                out.add(EventType.parse(String.valueOf(item)));
            } catch (IllegalArgumentException e) {
                problems.add("'types': " + e.getMessage());
            }
        }
        return out;
    }
}
