package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.batch.BatchList;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.batch.Batches;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.model.ScaleTime;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** Batches under {@code /v1/batches}: create, list, read, status counts, finalize, metadata and priority. */
public final class BatchRoutes implements Routes {
    private final Batches batches;

    public BatchRoutes(Batches batches) {
        this.batches = batches;
    }

    @Override
    public void register(Router router) {
        router.post("/batches", this::create);
        router.get("/batches", this::list);
        router.get("/batches/{name}", this::retrieve);
        router.get("/batches/{name}/status", this::status);
        router.post("/batches/{name}/finalize", this::finalizeBatch);
        router.post("/batches/{name}/setMetadata", this::setMetadata);
        router.post("/batches/{name}/prioritize", this::prioritize);
    }

    // POST /v1/batches
    private Object create(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return batches.create(req.caller(), body);
    }

    // GET /v1/batches
    private Object list(ApiRequest req) {
        return batches.list(req.caller(), parseList(req));
    }

    // GET /v1/batches/{name}
    private Object retrieve(ApiRequest req) {
        return batches.retrieve(req.caller(), req.path("name"));
    }

    // GET /v1/batches/{name}/status
    private Object status(ApiRequest req) {
        return batches.status(req.caller(), req.path("name"));
    }

    // POST /v1/batches/{name}/finalize
    private Object finalizeBatch(ApiRequest req) {
        return batches.finalizeBatch(req.caller(), req.path("name"));
    }

    // POST /v1/batches/{name}/setMetadata — the body is the metadata object itself.
    private Object setMetadata(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return batches.setMetadata(req.caller(), req.path("name"), body);
    }

    // POST /v1/batches/{name}/prioritize — body {priority}; the endpoint is unconfirmed upstream.
    private Object prioritize(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return batches.prioritize(req.caller(), req.path("name"), body);
    }

    /** Reads and checks the listing query; 400 naming the parameter on any bad value. */
    private static BatchList parseList(ApiRequest req) {
        Optional<String> status = req.query("status");
        status.ifPresent(s -> {
            if (!BatchList.STATUSES.contains(s)) {
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

    private static String time(ApiRequest req, String param) {
        return req.queryTime(param).map(ScaleTime::format).orElse(null);
    }
}
