package dev.scaletoolkit.client.file;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.RequestBody;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.model.file.FileList;
import dev.scaletoolkit.model.file.ScaleFile;

/** Files (assets): upload, import by URL and list. */
public final class FileService {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#files()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public FileService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy whose calls use these options on top of the current ones (unset settings keep their value).
     *
     * @param options the settings to change
     * @return the changed copy
     */
    public FileService withOptions(RequestOptions options) {
        return new FileService(ctx.with(options));
    }

    /**
     * A copy with options changed from the current ones, e.g. {@code withOptions(o -> o.maxRetries(0))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public FileService withOptions(java.util.function.Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new FileService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<FileService> withRawResponse() {
        return new RawResponseView<>(observer -> new FileService(ctx.observing(observer)));
    }

    /**
     * Uploads a file as multipart form data (part {@code file}). Retried after a 5xx only when it carries a
     * {@code reference_id}, since a repeat then meets a 409 instead of storing a second copy.
     *
     * @param params the content and its form fields
     * @return the stored file, with its {@code attachment_url}
     */
    public ScaleFile upload(FileUploadParams params) {
        return upload(params, RequestOptions.none());
    }

    /**
     * Uploads a file, with per-call options.
     *
     * @param params the content and its form fields
     * @param options merged on top of this service's options
     * @return the stored file
     * @see #upload(FileUploadParams)
     */
    public ScaleFile upload(FileUploadParams params, RequestOptions options) {
        // POST /v1/files/upload
        ApiCaller.Call call = ctx.call("POST", "/files/upload", options)
                .body(RequestBody.multipart(
                        params.fields(), params.filename(), params.contentType(), params.content()));
        if (params.fields().containsKey("reference_id")) {
            call.idempotent(); // a repeat meets 409 on the reference_id instead of storing a second copy
        }
        return call.execute(ScaleFile.class);
    }

    /**
     * Has Scale fetch a file from a URL and store it.
     *
     * @param params the URL and its form fields
     * @return the stored file
     */
    public ScaleFile importFile(FileImportParams params) {
        return importFile(params, RequestOptions.none());
    }

    /**
     * Has Scale fetch a file from a URL, with per-call options.
     *
     * @param params the URL and its form fields
     * @param options merged on top of this service's options
     * @return the stored file
     * @see #importFile(FileImportParams)
     */
    public ScaleFile importFile(FileImportParams params, RequestOptions options) {
        // POST /v1/files/import
        return ctx.call("POST", "/files/import", options).json(params.body()).execute(ScaleFile.class);
    }

    /**
     * Fetches a file's record (not its bytes).
     *
     * @param id the file id
     * @return the file's record
     */
    public ScaleFile retrieve(String id) {
        return retrieve(id, RequestOptions.none());
    }

    /**
     * Fetches a file's record, with per-call options.
     *
     * @param id the file id
     * @param options merged on top of this service's options
     * @return the file's record
     * @see #retrieve(String)
     */
    public ScaleFile retrieve(String id, RequestOptions options) {
        // GET /v1/files/{id}
        return ctx.call("GET", "/files/" + ApiCaller.segment(id), options).execute(ScaleFile.class);
    }

    /**
     * The file's bytes. A redirect to storage is followed without the API key.
     *
     * @param id the file id
     * @return the content
     */
    public byte[] retrieveContent(String id) {
        return retrieveContent(id, RequestOptions.none());
    }

    /**
     * The file's bytes, with per-call options (they apply to the request to Scale, not to storage).
     *
     * @param id the file id
     * @param options merged on top of this service's options
     * @return the content
     * @see #retrieveContent(String)
     */
    public byte[] retrieveContent(String id, RequestOptions options) {
        // GET /v1/files/{id}/content
        return ctx.api()
                .download(
                        "/files/" + ApiCaller.segment(id) + "/content",
                        ctx.defaults().mergedWith(options));
    }

    /**
     * One page of a project's files.
     *
     * @param params the project, filters and cursor
     * @return the page, with {@code next_cursor} when more follow
     */
    public FileList list(FileListParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * One page of a project's files, with per-call options.
     *
     * @param params the project, filters and cursor
     * @param options merged on top of this service's options
     * @return the page
     * @see #list(FileListParams)
     */
    public FileList list(FileListParams params, RequestOptions options) {
        // GET /v1/files
        ApiCaller.Call call = ctx.call("GET", "/files", options);
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.execute(FileList.class);
    }

    /**
     * One page as a {@link Page}, whose cursor is null on the last page.
     *
     * @param params the project, filters and cursor
     * @return the page
     */
    public Page<ScaleFile> listPage(FileListParams params) {
        return listPage(params, RequestOptions.none());
    }

    /**
     * One page as a {@link Page}, with per-call options.
     *
     * @param params the project, filters and cursor
     * @param options merged on top of this service's options
     * @return the page
     * @see #listPage(FileListParams)
     */
    public Page<ScaleFile> listPage(FileListParams params, RequestOptions options) {
        FileList list = list(params, options);
        boolean more = !Boolean.FALSE.equals(list.hasMore()) && list.nextCursor() != null;
        return new Page<>(list.docsOrEmpty(), more ? list.nextCursor() : null, null);
    }

    /**
     * Every file of the project, following the cursor; pages are fetched as the iteration reaches them.
     *
     * @param params the project and filters
     * @return a lazy sequence of files
     */
    public AutoPager<ScaleFile> listAutoPaging(FileListParams params) {
        return listAutoPaging(params, RequestOptions.none());
    }

    /**
     * Every file of the project, with per-call options applied to each page request.
     *
     * @param params the project and filters
     * @param options merged on top of this service's options
     * @return a lazy sequence of files
     * @see #listAutoPaging(FileListParams)
     */
    public AutoPager<ScaleFile> listAutoPaging(FileListParams params, RequestOptions options) {
        return new AutoPager<>(cursor -> listPage(cursor == null ? params : params.withCursor(cursor), options));
    }
}
