package dev.scaletoolkit.client.file;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.client.http.RequestBody;
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
    private final ApiCaller api;
    private final RequestOptions defaults;

    public FileService(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    public FileService withOptions(RequestOptions options) {
        return new FileService(api, options);
    }

    /** Uploads a file (multipart, part {@code file}). Retried only when it carries a reference_id. */
    public ScaleFile upload(FileUploadParams params) {
        // POST /v1/files/upload
        String boundary = "scale-toolkit-" + UUID.randomUUID();
        ApiCaller.Call call = api.call("POST", "/files/upload")
                .body(RequestBody.of(multipart(params, boundary), "multipart/form-data; boundary=" + boundary, true))
                .options(defaults);
        if (params.fields().containsKey("reference_id")) {
            call.idempotent(); // a repeat meets 409 on the reference_id instead of storing a second copy
        }
        return call.execute(ScaleFile.class);
    }

    /** Has Scale fetch a file from a URL. */
    public ScaleFile importFile(FileImportParams params) {
        // POST /v1/files/import
        return api.call("POST", "/files/import")
                .json(params.body())
                .options(defaults)
                .execute(ScaleFile.class);
    }

    public ScaleFile retrieve(String id) {
        // GET /v1/files/{id}
        return api.call("GET", "/files/" + ApiCaller.segment(id))
                .options(defaults)
                .execute(ScaleFile.class);
    }

    /** The file's bytes (a redirect to storage is followed without the API key). */
    public byte[] retrieveContent(String id) {
        // GET /v1/files/{id}/content
        return api.download("/files/" + ApiCaller.segment(id) + "/content", defaults);
    }

    public FileList list(FileListParams params) {
        // GET /v1/files
        ApiCaller.Call call = api.call("GET", "/files").options(defaults);
        params.applyTo(call);
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
