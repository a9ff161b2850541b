package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchList;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.Query;
import dev.scaletoolkit.model.ScaleTime;
import java.util.List;
import java.util.Optional;

/** Reads the query of {@code GET /v1/batches} into a {@link BatchList}; the UI's batch table reads it the same way. */
public final class BatchListParams {
    private BatchListParams() {}

    /** Reads and checks the listing query; 400 naming the parameter on any bad value. */
    public static BatchList parse(Query req, Caller caller) {
        Optional<String> status = req.query("status");
        status.ifPresent(s -> {
            if (!BatchList.STATUSES.contains(s)) {
                throw ApiError.invalidParam(
                        "status", "must be one of staging, in_progress, completed; got \"" + s + "\"");
            }
        });
        BatchStore.Filter filter = new BatchStore.Filter(
                caller,
                req.query("project").orElse(null),
                status.orElse(null),
                time(req, "start_time"),
                time(req, "end_time"),
                time(req, "completed_after"),
                time(req, "completed_before"),
                time(req, "audited_after"),
                time(req, "audited_before"),
                List.of());
        int limit = req.queryInt("limit", 1, 100).orElse(BatchList.DEFAULT_LIMIT);
        int offset = req.queryInt("offset", 0, Integer.MAX_VALUE).orElse(0);
        boolean detailed = req.queryBool("detailed").orElse(false);
        return BatchList.of(
                filter,
                limit,
                offset,
                detailed,
                req.queryBool("exclude_archived").orElse(false));
    }

    private static String time(Query req, String param) {
        return req.queryTime(param).map(ScaleTime::format).orElse(null);
    }
}
