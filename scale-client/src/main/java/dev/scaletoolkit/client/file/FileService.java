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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

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

    /** Uploads a file (multipart, part {@code file}). Retried only when it carries a reference_id. */
    public ScaleFile upload(FileUploadParams params) {
        // POST /v1/files/upload
        String boundary = "scale-toolkit-" + UUID.randomUUID();
        ApiCaller.Call call = ctx.call("POST", "/files/upload")
                .body(RequestBody.of(multipart(params, boundary), "multipart/form-data; boundary=" + boundary, true));
        if (params.fields().containsKey("reference_id")) {
            call.idempotent(); // a repeat meets 409 on the reference_id instead of storing a second copy
        }
        return call.execute(ScaleFile.class);
    }

    /** Has Scale fetch a file from a URL. */
    public ScaleFile importFile(FileImportParams params) {
        // POST /v1/files/import
        return ctx.call("POST", "/files/import").json(params.body()).execute(ScaleFile.class);
    }

    public ScaleFile retrieve(String id) {
        // GET /v1/files/{id}
        return ctx.call("GET", "/files/" + ApiCaller.segment(id)).execute(ScaleFile.class);
    }

    /** The file's bytes (a redirect to storage is followed without the API key). */
    public byte[] retrieveContent(String id) {
        // GET /v1/files/{id}/content
        return ctx.api().download("/files/" + ApiCaller.segment(id) + "/content", ctx.defaults());
    }

    public FileList list(FileListParams params) {
        // GET /v1/files
        ApiCaller.Call call = ctx.call("GET", "/files");
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.execute(FileList.class);
    }

    public Page<ScaleFile> listPage(FileListParams params) {
        FileList list = list(params);
        boolean more = !Boolean.FALSE.equals(list.hasMore()) && list.nextCursor() != null;
        return new Page<>(list.docsOrEmpty(), more ? list.nextCursor() : null, null);
    }

    /** Every file of the project, following the cursor. */
    public AutoPager<ScaleFile> listAutoPaging(FileListParams params) {
        return new AutoPager<>(cursor -> listPage(cursor == null ? params : params.withCursor(cursor)));
    }

    static byte[] multipart(FileUploadParams params, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : params.fields().entrySet()) {
            write(out, "--" + boundary + "\r\n");
            write(out, "Content-Disposition: form-data; name=\"" + quote(field.getKey()) + "\"\r\n\r\n");
            write(out, field.getValue() + "\r\n");
        }
        write(out, "--" + boundary + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"file\"; filename=\"" + quote(params.filename()) + "\"\r\n");
        write(out, "Content-Type: " + params.contentType() + "\r\n\r\n");
        out.writeBytes(params.content());
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
