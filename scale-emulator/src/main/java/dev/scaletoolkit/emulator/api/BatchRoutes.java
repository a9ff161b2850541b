package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.batch.BatchList;
import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.batch.Batches;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import tools.jackson.databind.node.ObjectNode;

/** Batches under {@code /v1/batches}: create, list, read, status counts, finalize, metadata and priority. */
public final class BatchRoutes implements Routes {
    private final EmulatorContext context;
    private final Batches batches;

    public BatchRoutes(EmulatorContext context, BatchSettlement settlement) {
        this.context = context;
        this.batches = new Batches(context, settlement);
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
        return context.db().write(h -> batches.create(h, req.caller(), body));
    }

    // GET /v1/batches
    private Object list(ApiRequest req) {
        BatchList query = BatchList.parse(req);
        return context.db().read(h -> query.run(h, req.caller()));
    }

    // GET /v1/batches/{name}
    private Object retrieve(ApiRequest req) {
        return context.db().read(h -> BatchStore.require(h, req.caller(), req.path("name")));
    }

    // GET /v1/batches/{name}/status
    private Object status(ApiRequest req) {
        return context.db().read(h -> Batches.status(h, req.caller(), req.path("name")));
    }

    // POST /v1/batches/{name}/finalize
    private Object finalizeBatch(ApiRequest req) {
        return context.db().write(h -> batches.finalizeBatch(h, req.caller(), req.path("name")));
    }

    // POST /v1/batches/{name}/setMetadata — the body is the metadata object itself.
    private Object setMetadata(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> batches.setMetadata(h, req.caller(), req.path("name"), body));
    }

    // POST /v1/batches/{name}/prioritize — body {priority}; the endpoint is unconfirmed upstream.
    private Object prioritize(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> batches.prioritize(h, req.caller(), req.path("name"), body));
    }
}
