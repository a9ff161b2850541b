package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.file.FileDocs;
import dev.scaletoolkit.emulator.file.FileImport;
import dev.scaletoolkit.emulator.file.FileListing;
import dev.scaletoolkit.emulator.file.FileReads;
import dev.scaletoolkit.emulator.file.FileUpload;
import dev.scaletoolkit.emulator.file.KeysetCursor;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.store.Docs;
import tools.jackson.databind.node.ObjectNode;

/** Routes for files under {@code /v1}: upload, import by URL, the assets listing, and reading one file back. */
public final class FileRoutes implements Routes {
    private final FileUpload upload;
    private final FileImport fileImport;
    private final FileReads reads;

    public FileRoutes(FileUpload upload, FileImport fileImport, FileReads reads) {
        this.upload = upload;
        this.fileImport = fileImport;
        this.reads = reads;
    }

    @Override
    public void register(Router router) {
        router.post("/files/upload", req -> upload.upload(req.caller(), MultipartUpload.read(req)));
        router.post("/files/import", req -> fileImport.start(req.caller(), req.bodyObject()));
        router.get("/files", this::list);
        // an emulator extra: the way to watch an import land
        router.get("/files/{id}", req -> reads.retrieve(req.caller(), req.path("id")));
        // an emulator extra: the stored bytes, with the file's mime_type
        router.get("/files/{id}/content", req -> {
            FileReads.Content content = reads.content(req.caller(), req.path("id"));
            return new Reply.FileBody(content.mimeType(), content.path());
        });
    }

    /**
     * {@code GET /v1/files?project=&metadata=&cursor=&limit=}. Scale documents the parameters but not the response, so this
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
        FileListing.Page page = reads.list(request.caller(), project, metadata, after, limit);
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
}
