package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/batches}: filters, newest first, offset paging, answered as {@code {docs, totalDocs, limit,
 * offset, has_more}}. Timestamps compare as text because they are all stored in the same fixed-width UTC form.
 */
public final class BatchList {
    public static final int DEFAULT_LIMIT = 100;
    public static final Set<String> STATUSES = Set.of("staging", "in_progress", "completed");

    private final BatchStore.Filter filter;
    private final boolean excludeArchived;
    private final int limit;
    private final int offset;
    private final boolean detailed;

    private BatchList(BatchStore.Filter filter, int limit, int offset, boolean detailed, boolean excludeArchived) {
        this.filter = filter;
        this.excludeArchived = excludeArchived;
        this.limit = limit;
        this.offset = offset;
        this.detailed = detailed;
    }

    /**
     * A listing of the batches {@code filter} matches.
     *
     * @param excludeArchived leave out batches of archived projects
     */
    public static BatchList of(
            BatchStore.Filter filter, int limit, int offset, boolean detailed, boolean excludeArchived) {
        return new BatchList(filter, limit, offset, detailed, excludeArchived);
    }

    /** Runs the query and builds the page. */
    ObjectNode run(Handle h, Caller caller, BatchTasks tasks) {
        BatchStore.Filter filter = this.filter;
        if (excludeArchived) {
            List<String> archived = ProjectStore.archivedNames(h, caller);
            filter = new BatchStore.Filter(
                    filter.caller(),
                    filter.project(),
                    filter.status(),
                    filter.createdFrom(),
                    filter.createdTo(),
                    filter.completedAfter(),
                    filter.completedBefore(),
                    filter.auditedAfter(),
                    filter.auditedBefore(),
                    archived);
        }
        int total = BatchStore.count(h, filter);
        List<ObjectNode> docs = BatchStore.page(h, filter, limit, offset);
        ObjectNode page = Docs.object();
        ArrayNode out = page.putArray("docs");
        for (ObjectNode doc : docs) {
            if (detailed) {
                addProgress(h, caller, doc, tasks);
            }
            out.add(doc);
        }
        page.put("totalDocs", total);
        page.put("limit", limit);
        page.put("offset", offset);
        page.put("has_more", (long) offset + docs.size() < total);
        return page;
    }

    /** {@code detailed=true}: each batch also carries its task counts (the key name is the emulator's own). */
    private static void addProgress(Handle h, Caller caller, ObjectNode doc, BatchTasks tasks) {
        Map<String, Integer> counts = tasks.countsIn(h, caller, doc.path("name").asString());
        ObjectNode progress = doc.putObject("task_counts");
        int total = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            progress.put(e.getKey(), e.getValue());
            total += e.getValue();
        }
        progress.put("total", total);
    }
}
