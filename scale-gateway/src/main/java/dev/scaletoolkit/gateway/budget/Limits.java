package dev.scaletoolkit.gateway.budget;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One set of limits: tasks per minute, estimated spend per UTC day, and tasks per project per UTC day ({@code *}
 * for any project). A null field means no limit.
 */
public record Limits(Integer tasksPerMinute, Long spendPerDayMicros, Map<String, Integer> projectTasksPerDay) {

    public static final Limits NONE = new Limits(null, null, Map.of());

    public Limits {
        projectTasksPerDay = Map.copyOf(projectTasksPerDay);
    }

    static Limits from(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        Map<String, Integer> projects = new HashMap<>();
        node.path("project_tasks_per_day")
                .properties()
                .forEach(e -> projects.put(e.getKey(), e.getValue().asInt()));
        return new Limits(
                node.hasNonNull("tasks_per_minute")
                        ? node.get("tasks_per_minute").asInt()
                        : null,
                node.hasNonNull("spend_per_day_usd")
                        ? Math.round(node.get("spend_per_day_usd").asDouble() * 1_000_000d)
                        : null,
                projects);
    }

    /** The cap for {@code project}: its own entry, else {@code *}, else none. */
    public Integer projectCap(String project) {
        Integer own = project == null ? null : projectTasksPerDay.get(project);
        return own != null ? own : projectTasksPerDay.get("*");
    }
}
