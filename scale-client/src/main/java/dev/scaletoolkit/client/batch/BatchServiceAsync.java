package dev.scaletoolkit.client.batch;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.batch.BatchList;
import dev.scaletoolkit.model.batch.BatchProgress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link BatchService}'s calls without blocking; a failed future carries the synchronous call's exception. */
public final class BatchServiceAsync {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClientAsync#batches()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public BatchServiceAsync(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy with options changed from the current ones.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public BatchServiceAsync withOptions(Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new BatchServiceAsync(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * Creates a batch.
     *
     * @param params the batch
     * @return the created batch
     * @see BatchService#create(BatchCreateParams)
     */
    public CompletableFuture<Batch> create(BatchCreateParams params) {
        // POST /v1/batches
        return ctx.call("POST", "/batches").json(params.body()).executeAsync(Batch.class);
    }

    /**
     * Fetches a batch.
     *
     * @param name the batch name
     * @return the batch
     * @see BatchService#retrieve(String)
     */
    public CompletableFuture<Batch> retrieve(String name) {
        // GET /v1/batches/{batch_name}
        return ctx.call("GET", "/batches/" + ApiCaller.segment(name)).executeAsync(Batch.class);
    }

    /**
     * Task counts per status.
     *
     * @param name the batch name
     * @return the status and counts
     * @see BatchService#retrieveStatus(String)
     */
    public CompletableFuture<BatchProgress> retrieveStatus(String name) {
        // GET /v1/batches/{batch_name}/status
        return ctx.call("GET", "/batches/" + ApiCaller.segment(name) + "/status")
                .executeAsync(BatchProgress.class);
    }

    /**
     * Releases a staging batch to labelers.
     *
     * @param name the batch name
     * @return the batch after the change
     * @see BatchService#finalize(String)
     */
    public CompletableFuture<Batch> finalize(String name) {
        // POST /v1/batches/{batch_name}/finalize
        return ctx.call("POST", "/batches/" + ApiCaller.segment(name) + "/finalize")
                .idempotent()
                .executeAsync(Batch.class);
    }

    /**
     * One page of batches.
     *
     * @param params filters and offset
     * @return the page
     * @see BatchService#list(BatchListParams)
     */
    public CompletableFuture<BatchList> list(BatchListParams params) {
        // GET /v1/batches
        ApiCaller.Call call = ctx.call("GET", "/batches");
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.executeAsync(BatchList.class);
    }
}
