package dev.scaletoolkit.gateway.budget;

import java.time.Instant;

/**
 * Which limit a call would pass: its name, whose it is, the limit, what is used and left, and when it resets.
 *
 * @param limit {@code tasks_per_minute}, {@code spend_per_day_usd} or {@code project_tasks_per_day}
 * @param scope {@code connection:<name>} or {@code token:<id>}
 * @param project the project, for project caps
 */
public record BudgetRefusal(
        String limit,
        String scope,
        String project,
        double limitValue,
        double used,
        double requested,
        double remaining,
        Instant resetsAt,
        long retryAfterSeconds) {

    public String message() {
        return "Budget limit " + limit + " of " + scope + (project == null ? "" : " for project " + project)
                + " would be passed: limit " + fmt(limitValue) + ", used " + fmt(used) + ", this call "
                + fmt(requested) + ", left " + fmt(remaining) + "; it resets at " + resetsAt + " (retry after "
                + retryAfterSeconds + " s)";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
