package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.model.ScaleTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final Set<String> STATUSES = Set.of("staging", "in_progress", "completed");

    private final BatchStore.Filter filter;
    private final int limit;
    private final int offset;
    private final boolean detailed;

    private BatchList(BatchStore.Filter filter, int limit, int offset, boolean detailed) {
        this.filter = filter;
        this.limit = limit;
        this.offset = offset;
        this.detailed = detailed;
    }

    /** Reads and checks the query; 400 naming the parameter on any bad value. */
    public static BatchList parse(ApiRequest req) {
        Optional<String> status = req.query("status");
        status.ifPresent(s -> {
            if (!STATUSES.contains(s)) {
                throw ApiError.invalidParam(
                        "status", "must be one of staging, in_progress, completed; got \"" + s + "\"");
            }
        });
        BatchStore.Filter filter = new BatchStore.Filter(
                req.caller(),
                req.query("project").orElse(null),
                status.orElse(null),
                time(req, "start_time"),
                time(req, "end_time"),
                time(req, "completed_after"),
                time(req, "completed_before"),
                time(req, "audited_after"),
                time(req, "audited_before"),
                req.queryBool("exclude_archived").orElse(false));
        int limit = req.queryInt("limit", 1, 100).orElse(DEFAULT_LIMIT);
        int offset = req.queryInt("offset", 0, Integer.MAX_VALUE).orElse(0);
        boolean detailed = req.queryBool("detailed").orElse(false);
        return new BatchList(filter, limit, offset, detailed);
    }

    private static String time(ApiRequest req, String param) {
        return req.queryTime(param).map(ScaleTime::format).orElse(null);
    }

    /** Runs the query and builds the page. */
    public ObjectNode run(Handle h, Caller caller) {
        int total = BatchStore.count(h, filter);
        List<ObjectNode> docs = BatchStore.page(h, filter, limit, offset);
        ObjectNode page = Docs.object();
        ArrayNode out = page.putArray("docs");
        for (ObjectNode doc : docs) {
            if (detailed) {
                addProgress(h, caller, doc);
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
    private static void addProgress(Handle h, Caller caller, ObjectNode doc) {
        Map<String, Integer> counts =
                TaskStore.countsInBatch(h, caller, doc.path("name").asString());
        ObjectNode progress = doc.putObject("task_counts");
        int total = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            progress.put(e.getKey(), e.getValue());
            total += e.getValue();
        }
        progress.put("total", total);
    }
}
