package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import java.util.List;

/**
 * What {@code GET /v1/tasks} filters on; empty lists and nulls do not filter. Repeated values of one filter
 * match any of them; different filters must all match.
 *
 * @param times bounds on {@code created_at}, {@code completed_at} or {@code updated_at}
 * @param reviews {@code customer_review_status} values; {@code pending} also matches completed unaudited tasks
 */
public record TaskFilter(
        Caller caller,
        List<String> statuses,
        List<String> types,
        String project,
        String batch,
        List<String> uniqueIds,
        List<String> reviews,
        List<String> tags,
        List<TimeBound> times) {
    /** Whether {@code task_counts} can answer the total (every filter is one of its key columns). */
    boolean countable() {
        return uniqueIds.isEmpty() && reviews.isEmpty() && tags.isEmpty() && times.isEmpty();
    }

    /** A bound on one timestamp field: {@code field comparison at}, for example {@code created_at >= t}. */
    public record TimeBound(String field, String comparison, String at) {
        private static final java.util.Set<String> FIELDS =
                java.util.Set.of("created_at", "completed_at", "updated_at");
        private static final java.util.Set<String> COMPARISONS = java.util.Set.of("<", "<=", ">", ">=");

        public TimeBound {
            if (!FIELDS.contains(field) || !COMPARISONS.contains(comparison)) {
                throw new IllegalArgumentException("not a time bound: " + field + " " + comparison);
            }
        }
    }

    /** Where a page starts: after the task with this creation time and id (newest first). */
    public record PagePosition(String createdAt, String id) {}
}
