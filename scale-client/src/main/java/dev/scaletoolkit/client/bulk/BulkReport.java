package dev.scaletoolkit.client.bulk;

import java.util.List;

/** The per-item outcome of a bulk submission, in input order, and whether the run was stopped early. */
public record BulkReport(List<BulkItemResult> items, boolean stopped) {
    public BulkReport {
        items = List.copyOf(items);
    }

    public long count(BulkItemResult.Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    public List<BulkItemResult> failures() {
        return items.stream().filter(i -> !i.succeeded()).toList();
    }

    /** True when every item has a task and the run was not stopped. */
    public boolean complete() {
        return !stopped && items.stream().allMatch(BulkItemResult::succeeded);
    }
}
