package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.file.KeysetCursor;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.quality.AuditStore;
import dev.scaletoolkit.emulator.quality.QualityAttemptStore;
import dev.scaletoolkit.emulator.quality.QualityAttemptStore.Attempt;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quality reads under {@code /v1}: fixless audits ({@code GET /audits}) and labelers' training attempts
 * ({@code GET /quality/labelers}). Both only read; the task audit route and the simulated workforce write the rows.
 * Neither response shape is confirmed upstream, so both follow Scale's usual listing envelope ({@code docs}, plus
 * {@code next_token} and {@code has_more} where there are pages).
 */
public final class QualityRoutes implements Routes {
    private static final int MAX_AUDITS = 1000;

    private final EmulatorContext context;

    public QualityRoutes(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public void register(Router router) {
        router.get("/audits", this::audits);
        router.get("/quality/labelers", this::labelers);
    }

    /**
     * GET /v1/audits?task_id=&id= — audits that accepted or rejected a task without fixing it ({@code audit_result}
     * other than {@code fixed}), newest first. Either filter may repeat; when both are given an audit must match
     * both.
     */
    private Object audits(ApiRequest request) {
        List<String> taskIds = request.queryList("task_id", true);
        List<String> ids = request.queryList("id", true);
        if (taskIds.isEmpty() && ids.isEmpty()) {
            throw ApiError.invalidParam("task_id", "or \"id\" is required: give at least one to choose the audits");
        }
        Caller caller = request.caller();
        List<String> docs = context.db().read(h -> AuditStore.fixless(h, caller, taskIds, ids, MAX_AUDITS));
        ObjectNode out = Docs.object();
        ArrayNode array = out.putArray("docs");
        docs.forEach(d -> array.add(Docs.read(d)));
        return out;
    }

    /**
     * GET /v1/quality/labelers?quality_task_ids=..&labeler_emails=..&limit=&next_token= — training attempts, newest
     * first, for the given quality tasks and/or labelers (lists as repeated keys; at least one is required).
     */
    private Object labelers(ApiRequest request) {
        List<String> taskIds = request.queryList("quality_task_ids", true);
        List<String> emails = request.queryList("labeler_emails", true);
        if (taskIds.isEmpty() && emails.isEmpty()) {
            throw ApiError.invalidParam(
                    "quality_task_ids",
                    "or \"labeler_emails\" is required: give at least one to choose the training attempts");
        }
        int limit = request.queryInt("limit", 1, 100).orElse(100);
        KeysetCursor after = request.query("next_token")
                .map(t -> KeysetCursor.decode("next_token", t))
                .orElse(null);
        Caller caller = request.caller();
        List<Attempt> rows =
                context.db().read(h -> QualityAttemptStore.page(h, caller, taskIds, emails, after, limit + 1));
        boolean hasMore = rows.size() > limit;
        List<Attempt> page = hasMore ? rows.subList(0, limit) : rows;
        ObjectNode out = Docs.object();
        ArrayNode array = out.putArray("docs");
        page.forEach(a -> array.add(Docs.read(a.doc())));
        if (hasMore) {
            Attempt last = page.get(page.size() - 1);
            out.put("next_token", new KeysetCursor(last.createdAt(), last.id()).encode());
        } else {
            out.putNull("next_token");
        }
        out.put("has_more", hasMore);
        return out;
    }
}
