package dev.scaletoolkit.client.batch;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.Poller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.batch.BatchList;
import dev.scaletoolkit.model.batch.BatchProgress;
import dev.scaletoolkit.model.batch.BatchStatus;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Batches: create, read, list, finalize, progress, metadata and waiting. Errors as in {@code TaskService}; every
 * operation has an overload taking {@link RequestOptions}, merged on top of this service's options.
 */
public final class BatchService {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#batches()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public BatchService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy whose calls use these options on top of the current ones (unset settings keep their value).
     *
     * @param options the settings to change
     * @return the changed copy
     */
    public BatchService withOptions(RequestOptions options) {
        return new BatchService(ctx.with(options));
    }

    /**
     * A copy with options changed from the current ones.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public BatchService withOptions(Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new BatchService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<BatchService> withRawResponse() {
        return new RawResponseView<>(observer -> new BatchService(ctx.observing(observer)));
    }

    /**
     * Creates a batch. Not retried after a 5xx (a lost answer would turn into a 409); 429 is retried.
     *
     * @param params the batch
     * @return the created batch
     * @throws dev.scaletoolkit.client.error.ConflictException when the name is taken
     */
    public Batch create(BatchCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Creates a batch, with per-call options.
     *
     * @param params the batch
     * @param options merged on top of this service's options
     * @return the created batch
     * @see #create(BatchCreateParams)
     */
    public Batch create(BatchCreateParams params, RequestOptions options) {
        // POST /v1/batches
        return ctx.call("POST", "/batches", options).json(params.body()).execute(Batch.class);
    }

    /**
     * Fetches a batch.
     *
     * @param name the batch name
     * @return the batch
     */
    public Batch retrieve(String name) {
        return retrieve(name, RequestOptions.none());
    }

    /**
     * Fetches a batch, with per-call options.
     *
     * @param name the batch name
     * @param options merged on top of this service's options
     * @return the batch
     * @see #retrieve(String)
     */
    public Batch retrieve(String name, RequestOptions options) {
        // GET /v1/batches/{batch_name}
        return ctx.call("GET", path(name), options).execute(Batch.class);
    }

    /**
     * Task counts per status.
     *
     * @param name the batch name
     * @return the batch status and counts (absent counts read as 0)
     */
    public BatchProgress retrieveStatus(String name) {
        return retrieveStatus(name, RequestOptions.none());
    }

    /**
     * Task counts per status, with per-call options.
     *
     * @param name the batch name
     * @param options merged on top of this service's options
     * @return the batch status and counts
     * @see #retrieveStatus(String)
     */
    public BatchProgress retrieveStatus(String name, RequestOptions options) {
        // GET /v1/batches/{batch_name}/status
        return ctx.call("GET", path(name) + "/status", options).execute(BatchProgress.class);
    }

    /**
     * Releases a staging batch to labelers; a no-op on other batches.
     *
     * @param name the batch name
     * @return the batch after the change
     */
    public Batch finalize(String name) {
        return finalize(name, RequestOptions.none());
    }

    /**
     * Finalizes a batch, with per-call options.
     *
     * @param name the batch name
     * @param options merged on top of this service's options
     * @return the batch after the change
     * @see #finalize(String)
     */
    public Batch finalize(String name, RequestOptions options) {
        // POST /v1/batches/{batch_name}/finalize
        return ctx.call("POST", path(name) + "/finalize", options).idempotent().execute(Batch.class);
    }

    /**
     * Replaces the batch metadata.
     *
     * @param name the batch name
     * @param metadata the new metadata
     * @return the batch after the change
     */
    public Batch setMetadata(String name, Map<String, ?> metadata) {
        return setMetadata(name, metadata, RequestOptions.none());
    }

    /**
     * Replaces the batch metadata, with per-call options.
     *
     * @param name the batch name
     * @param metadata the new metadata
     * @param options merged on top of this service's options
     * @return the batch after the change
     * @see #setMetadata(String, Map)
     */
    public Batch setMetadata(String name, Map<String, ?> metadata, RequestOptions options) {
        // POST /v1/batches/{batch_name}/setMetadata
        return ctx.call("POST", path(name) + "/setMetadata", options)
                .json(metadata)
                .idempotent()
                .execute(Batch.class);
    }

    /**
     * Sets the batch's priority (Scale documents the page but not the body; {@code {priority}} is sent).
     *
     * @param name the batch name
     * @param priority the new priority
     * @return the batch after the change
     */
    public Batch prioritize(String name, int priority) {
        return prioritize(name, priority, RequestOptions.none());
    }

    /**
     * Sets the batch's priority, with per-call options.
     *
     * @param name the batch name
     * @param priority the new priority
     * @param options merged on top of this service's options
     * @return the batch after the change
     * @see #prioritize(String, int)
     */
    public Batch prioritize(String name, int priority, RequestOptions options) {
        // POST /v1/batches/{batch_name}/prioritize
        return ctx.call("POST", path(name) + "/prioritize", options)
                .json(Map.of("priority", priority))
                .idempotent()
                .execute(Batch.class);
    }

    /**
     * One page of batches.
     *
     * @param params filters and offset
     * @return the page as Scale sent it
     */
    public BatchList list(BatchListParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * One page of batches, with per-call options.
     *
     * @param params filters and offset
     * @param options merged on top of this service's options
     * @return the page as Scale sent it
     * @see #list(BatchListParams)
     */
    public BatchList list(BatchListParams params, RequestOptions options) {
        // GET /v1/batches
        ApiCaller.Call call = ctx.call("GET", "/batches", options);
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.execute(BatchList.class);
    }

    /**
     * One page, whose cursor is the next offset ({@code offset + limit} while {@code has_more}).
     *
     * @param params filters and offset
     * @return the page
     */
    public Page<Batch> listPage(BatchListParams params) {
        return listPage(params, RequestOptions.none());
    }

    /**
     * One page as a {@link Page}, with per-call options.
     *
     * @param params filters and offset
     * @param options merged on top of this service's options
     * @return the page
     * @see #listPage(BatchListParams)
     */
    public Page<Batch> listPage(BatchListParams params, RequestOptions options) {
        BatchList list = list(params, options);
        int offset = list.offset() == null ? 0 : list.offset();
        int step = list.limit() != null && list.limit() > 0
                ? list.limit()
                : list.docsOrEmpty().size();
        boolean more = Boolean.TRUE.equals(list.hasMore()) && step > 0;
        return new Page<>(list.docsOrEmpty(), more ? Integer.toString(offset + step) : null, list.totalDocs());
    }

    /**
     * Every matching batch, page after page.
     *
     * @param params filters
     * @return an iterable that fetches pages as it goes
     */
    public AutoPager<Batch> listAutoPaging(BatchListParams params) {
        return listAutoPaging(params, RequestOptions.none());
    }

    /**
     * Every matching batch, with per-call options for each page.
     *
     * @param params filters
     * @param options merged on top of this service's options
     * @return an iterable that fetches pages as it goes
     * @see #listAutoPaging(BatchListParams)
     */
    public AutoPager<Batch> listAutoPaging(BatchListParams params, RequestOptions options) {
        return new AutoPager<>(
                offset -> listPage(offset == null ? params : params.withOffset(Integer.parseInt(offset)), options));
    }

    /**
     * Polls until the batch is completed. Each poll uses this service's options.
     *
     * @param name the batch name
     * @param timeout how long to wait in all
     * @return the completed batch
     * @throws dev.scaletoolkit.client.wait.WaitTimeoutException when {@code timeout} passes first
     */
    public Batch waitFor(String name, Duration timeout) {
        return waitFor(name, timeout, RequestOptions.none());
    }

    /**
     * Polls until the batch is completed, with per-call options for each poll.
     *
     * @param name the batch name
     * @param timeout how long to wait in all
     * @param options merged on top of this service's options
     * @return the completed batch
     * @see #waitFor(String, Duration)
     */
    public Batch waitFor(String name, Duration timeout, RequestOptions options) {
        return Poller.create(ctx.api().options().clock(), ctx.api().options().sleeper())
                .until(
                        () -> retrieve(name, options),
                        b -> BatchStatus.COMPLETED.equals(b.status()),
                        timeout,
                        "batch " + name);
    }

    private static String path(String name) {
        return "/batches/" + ApiCaller.segment(name);
    }
}
