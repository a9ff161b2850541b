package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.file.KeysetCursor;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.JsonStream;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.quality.QualityReads;
import java.util.List;

/**
 * Quality reads under {@code /v1}: fixless audits ({@code GET /audits}) and labelers' training attempts
 * ({@code GET /quality/labelers}); the answers are built in {@link QualityReads}.
 */
public final class QualityRoutes implements Routes {
    private final QualityReads quality;

    public QualityRoutes(QualityReads quality) {
        this.quality = quality;
    }

    @Override
    public void register(Router router) {
        router.get("/audits", this::audits);
        router.get("/quality/labelers", this::labelers);
    }

    // GET /v1/audits?task_id=&id= — either filter may repeat.
    private Object audits(ApiRequest request) {
        List<String> taskIds = request.queryList("task_id", true);
        List<String> ids = request.queryList("id", true);
        if (taskIds.isEmpty() && ids.isEmpty()) {
            throw ApiError.invalidParam("task_id", "or \"id\" is required: give at least one to choose the audits");
        }
        // The shape is inferred (no Scale client reads it) and unpaged, like the tools that call it; the rows are
        // streamed from the database so a task with many long audit comments never sits whole in memory.
        return JsonStream.wrapped("{\"docs\":[", each -> quality.audits(request.caller(), taskIds, ids, each), "]}");
    }

    // GET /v1/quality/labelers?quality_task_ids=..&labeler_emails=..&limit=&next_token= (lists as repeated keys)
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
        return quality.attempts(request.caller(), taskIds, emails, after, limit);
    }
}
