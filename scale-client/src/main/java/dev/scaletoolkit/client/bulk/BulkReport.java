package dev.scaletoolkit.client.bulk;

import java.util.List;

/**
 * The per-item outcome of a bulk submission, in input order, and whether the run was stopped early.
 *
 * @param items one result per input item, in input order
 * @param stopped true when the run ended before every item was tried
 */
public record BulkReport(List<BulkItemResult> items, boolean stopped) {
    /**
     * Copies the items so the report stays immutable.
     *
     * @param items one result per input item
     * @param stopped whether the run ended early
     */
    public BulkReport {
        items = List.copyOf(items);
    }

    /**
     * How many items ended with this outcome.
     *
     * @param outcome the outcome to count
     * @return the count
     */
    public long count(BulkItemResult.Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    /**
     * The items that failed, with their errors.
     *
     * @return the failed items, in input order
     */
    public List<BulkItemResult> failures() {
        return items.stream().filter(i -> !i.succeeded()).toList();
    }

    /**
     * True when every item has a task and the run was not stopped.
     *
     * @return whether the input is fully submitted
     */
    public boolean complete() {
        return !stopped && items.stream().allMatch(BulkItemResult::succeeded);
    }
}
