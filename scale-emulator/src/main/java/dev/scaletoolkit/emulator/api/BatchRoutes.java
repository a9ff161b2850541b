package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.batch.Batches;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
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
        return batches.list(req.caller(), BatchListParams.parse(req, req.caller()));
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
}
