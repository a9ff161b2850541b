package dev.scaletoolkit.client.batch;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.client.wait.Poller;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.batch.BatchList;
import dev.scaletoolkit.model.batch.BatchProgress;
import dev.scaletoolkit.model.batch.BatchStatus;
import java.time.Duration;
import java.util.Map;

/** Batches: create, read, list, finalize, progress, metadata and waiting. Errors as in {@code TaskService}. */
public final class BatchService {
    private final ApiCaller api;
    private final RequestOptions defaults;

    public BatchService(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    public BatchService withOptions(RequestOptions options) {
        return new BatchService(api, options);
    }

    /** Creates a batch; 409 when the name is taken. Not retried (a lost answer would turn into a 409). */
    public Batch create(BatchCreateParams params) {
        // POST /v1/batches
        return api.call("POST", "/batches")
                .json(params.body())
                .options(defaults)
                .execute(Batch.class);
    }

    public Batch retrieve(String name) {
        // GET /v1/batches/{batch_name}
        return api.call("GET", path(name)).options(defaults).execute(Batch.class);
    }

    /** Task counts per status. */
    public BatchProgress retrieveStatus(String name) {
        // GET /v1/batches/{batch_name}/status
        return api.call("GET", path(name) + "/status").options(defaults).execute(BatchProgress.class);
    }

    /** Releases a staging batch to labelers; a no-op on other batches. */
    public Batch finalize(String name) {
        // POST /v1/batches/{batch_name}/finalize
        return api.call("POST", path(name) + "/finalize")
                .idempotent()
                .options(defaults)
                .execute(Batch.class);
    }

    /** Replaces the batch metadata. */
    public Batch setMetadata(String name, Map<String, ?> metadata) {
        // POST /v1/batches/{batch_name}/setMetadata
        return api.call("POST", path(name) + "/setMetadata")
                .json(metadata)
                .idempotent()
                .options(defaults)
                .execute(Batch.class);
    }

    /** Sets the batch's priority (Scale documents the page but not the body; {@code {priority}} is sent). */
    public Batch prioritize(String name, int priority) {
        // POST /v1/batches/{batch_name}/prioritize
        return api.call("POST", path(name) + "/prioritize")
                .json(Map.of("priority", priority))
                .idempotent()
                .options(defaults)
                .execute(Batch.class);
    }

    public BatchList list(BatchListParams params) {
        // GET /v1/batches
        ApiCaller.Call call = api.call("GET", "/batches").options(defaults);
        params.applyTo(call);
        return call.execute(BatchList.class);
    }

    /** One page, whose cursor is the next offset ({@code offset + limit} while {@code has_more}). */
    public Page<Batch> listPage(BatchListParams params) {
        BatchList list = list(params);
        int offset = list.offset() == null ? 0 : list.offset();
        int step = list.limit() != null && list.limit() > 0
                ? list.limit()
                : list.docsOrEmpty().size();
        boolean more = Boolean.TRUE.equals(list.hasMore()) && step > 0;
        return new Page<>(list.docsOrEmpty(), more ? Integer.toString(offset + step) : null, list.totalDocs());
    }

    /** Every matching batch, page after page. */
    public AutoPager<Batch> listAutoPaging(BatchListParams params) {
        return new AutoPager<>(
                offset -> listPage(offset == null ? params : params.withOffset(Integer.parseInt(offset))));
    }

    /** Polls until the batch is completed, or throws when {@code timeout} passes. */
    public Batch waitFor(String name, Duration timeout) {
        return Poller.create(api.options().clock(), api.options().sleeper())
                .until(() -> retrieve(name), b -> BatchStatus.COMPLETED.equals(b.status()), timeout, "batch " + name);
    }

    private static String path(String name) {
        return "/batches/" + ApiCaller.segment(name);
    }
}
