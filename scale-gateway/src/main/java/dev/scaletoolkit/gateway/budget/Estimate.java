package dev.scaletoolkit.gateway.budget;

/**
 * What a call would cost: {@code tasks} tasks of {@code taskType} in {@code project} (null when unknown), at an
 * estimated {@code costMicros}. Calls that create no task estimate zero and are never refused by a budget.
 */
public record Estimate(String taskType, int tasks, String project, long costMicros) {
    public static final Estimate NOTHING = new Estimate(null, 0, null, 0);

    public boolean createsTasks() {
        return tasks > 0;
    }
}
