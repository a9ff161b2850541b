package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/batches}: filters, newest first, offset paging, answered as {@code {docs, totalDocs, limit,
 * offset, has_more}}. Timestamps compare as text because they are all stored in the same fixed-width UTC form.
 */
public final class BatchList {
    public static final int DEFAULT_LIMIT = 100;
    private static final Set<String> STATUSES = Set.of("staging", "in_progress", "completed");
    /** The newest audit of any task of the batch, for the audited_after/before filters. */
    private static final String LAST_AUDITED = "(SELECT MAX(au.audited_at) FROM audits au JOIN tasks t"
            + " ON t.id = au.task_id WHERE t.account_id = b.account_id AND t.test_mode = b.test_mode"
            + " AND t.batch = b.name)";

    private final String where;
    private final Map<String, Object> binds;
    private final int limit;
    private final int offset;
    private final boolean detailed;

    private BatchList(String where, Map<String, Object> binds, int limit, int offset, boolean detailed) {
        this.where = where;
        this.binds = binds;
        this.limit = limit;
        this.offset = offset;
        this.detailed = detailed;
    }

    /** Reads and checks the query; 400 naming the parameter on any bad value. */
    public static BatchList parse(ApiRequest req) {
        Caller caller = req.caller();
        StringBuilder where = new StringBuilder("b.account_id = :a AND b.test_mode = :m");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("a", caller.accountId());
        binds.put("m", caller.mode());
        req.query("project").ifPresent(p -> {
            where.append(" AND b.project = :project");
            binds.put("project", p);
        });
        req.query("status").ifPresent(s -> {
            if (!STATUSES.contains(s)) {
                throw ApiError.invalidParam(
                        "status", "must be one of staging, in_progress, completed; got \"" + s + "\"");
            }
            where.append(" AND b.status = :status");
            binds.put("status", s);
        });
        time(req, "start_time", "b.created_at >= ", where, binds);
        time(req, "end_time", "b.created_at <= ", where, binds);
        time(req, "completed_after", "b.completed_at > ", where, binds);
        time(req, "completed_before", "b.completed_at < ", where, binds);
        time(req, "audited_after", LAST_AUDITED + " > ", where, binds);
        time(req, "audited_before", LAST_AUDITED + " < ", where, binds);
        if (req.queryBool("exclude_archived").orElse(false)) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.account_id = b.account_id"
                    + " AND p.test_mode = b.test_mode AND p.name = b.project AND p.archived = 1)");
        }
        int limit = req.queryInt("limit", 1, 100).orElse(DEFAULT_LIMIT);
        int offset = req.queryInt("offset", 0, Integer.MAX_VALUE).orElse(0);
        boolean detailed = req.queryBool("detailed").orElse(false);
        return new BatchList(where.toString(), binds, limit, offset, detailed);
    }

    private static void time(
            ApiRequest req, String param, String condition, StringBuilder where, Map<String, Object> binds) {
        Optional<Instant> value = req.queryTime(param);
        if (value.isPresent()) {
            where.append(" AND ").append(condition).append(':').append(param);
            binds.put(param, ScaleTime.format(value.get()));
        }
    }

    /** Runs the query and builds the page. */
    public ObjectNode run(Handle h, Caller caller) {
        int total = bind(h.createQuery("SELECT COUNT(*) FROM batches b WHERE " + where))
                .mapTo(Integer.class)
                .one();
        List<ObjectNode> docs = new ArrayList<>(bind(h.createQuery("SELECT b.doc FROM batches b WHERE " + where
                        + " ORDER BY b.created_at DESC, b.id DESC LIMIT :limit OFFSET :offset"))
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(String.class)
                .map(Docs::read)
                .list());
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

    private <T extends SqlStatement<T>> T bind(T statement) {
        binds.forEach(statement::bind);
        return statement;
    }
}
