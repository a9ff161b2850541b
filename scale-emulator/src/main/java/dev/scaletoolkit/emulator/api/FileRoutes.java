package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.file.BlobStore;
import dev.scaletoolkit.emulator.file.FileDocs;
import dev.scaletoolkit.emulator.file.FileImport;
import dev.scaletoolkit.emulator.file.FileListing;
import dev.scaletoolkit.emulator.file.FileStore;
import dev.scaletoolkit.emulator.file.FileUpload;
import dev.scaletoolkit.emulator.file.KeysetCursor;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.store.Docs;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/** Routes for files under {@code /v1}: upload, import by URL, the assets listing, and reading one file back. */
public final class FileRoutes implements Routes {
    private final EmulatorContext context;
    private final BlobStore blobs;

    public FileRoutes(EmulatorContext context) {
        this.context = context;
        this.blobs = BlobStore.under(context.config().dataDir());
    }

    @Override
    public void register(Router router) {
        FileUpload upload = new FileUpload(context, blobs);
        FileImport fileImport = new FileImport(context);
        router.post("/files/upload", upload::handle);
        router.post("/files/import", fileImport::handle);
        router.get("/files", this::list);
        router.get("/files/{id}", this::retrieve);
        router.get("/files/{id}/content", this::content);
    }

    /**
     * GET /v1/files?project=&metadata=&cursor=&limit=. Scale documents the parameters but not the response, so this
     * answers {@code {"docs": [File...], "next_cursor": "..." | null, "has_more": bool}}: {@code docs} and
     * {@code has_more} are the keys every other Scale listing uses, and {@code next_cursor} is named after the
     * {@code cursor} parameter it feeds. A client passes {@code next_cursor} back as {@code cursor} while
     * {@code has_more} is true. Scale documents {@code project} as required; here it is an optional filter, so
     * leaving it out lists every file of the caller.
     */
    private Object list(ApiRequest request) {
        String project = request.query("project").orElse(null);
        ObjectNode metadata = request.query("metadata")
                .map(text -> FileDocs.parseMetadata("metadata", text))
                .orElse(null);
        KeysetCursor after = request.query("cursor")
                .map(c -> KeysetCursor.decode("cursor", c))
                .orElse(null);
        int limit = request.queryInt("limit", 1, 100).orElse(100);
        FileListing.Page page = FileListing.list(context.db(), request.caller(), project, metadata, after, limit);
        ObjectNode out = Docs.object();
        out.putArray("docs").addAll(page.docs());
        if (page.next() == null) {
            out.putNull("next_cursor");
        } else {
            out.put("next_cursor", page.next().encode());
        }
        out.put("has_more", page.next() != null);
        return out;
    }

    // GET /v1/files/{id} (an emulator extra: the way to watch an import land)
    private Object retrieve(ApiRequest request) {
        String id = request.path("id");
        return context.db().read(h -> FileStore.find(h, request.caller(), id)).orElseThrow(() -> notFound(id));
    }

    // GET /v1/files/{id}/content (an emulator extra: the stored bytes, with the file's mime_type)
    private Object content(ApiRequest request) {
        String id = request.path("id");
        Caller caller = request.caller();
        ObjectNode file = context.db().read(h -> FileStore.find(h, caller, id)).orElseThrow(() -> notFound(id));
        String sha = context.db().read(h -> FileStore.sha256(h, caller, id)).orElse(null);
        if (sha == null) {
            throw ApiError.conflict("File " + id + " has no content: its state is "
                    + file.path("state").asString()
                    + (file.has("failure_reason")
                            ? " (" + file.get("failure_reason").asString() + ")"
                            : "")
                    + ".");
        }
        Path path = blobs.find(sha)
                .orElseThrow(() ->
                        ApiError.notFound("The bytes of file " + id + " are missing" + " from the data directory."));
        return new Reply.FileBody(file.path("mime_type").asString(), path);
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("File with that ID not found: " + id + ".");
    }
}
