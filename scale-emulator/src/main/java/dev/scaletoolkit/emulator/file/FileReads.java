package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/** Reading files back: a page of them, one record, and its stored bytes. */
public final class FileReads {
    private final EmulatorContext context;
    private final BlobStore blobs;

    public FileReads(EmulatorContext context, BlobStore blobs) {
        this.context = context;
        this.blobs = blobs;
    }

    /**
     * The stored bytes of a file.
     *
     * @param mimeType the file's media type
     * @param path where the bytes are
     */
    public record Content(String mimeType, Path path) {}

    /** A page of the caller's files, newest first; see {@link FileListing}. */
    public FileListing.Page list(Caller caller, String project, ObjectNode metadata, KeysetCursor after, int limit) {
        return FileListing.list(context.db(), caller, project, metadata, after, limit);
    }

    /** One file's record; 404 when the caller has none with that id. */
    public ObjectNode retrieve(Caller caller, String id) {
        return context.db().read(h -> FileStore.find(h, caller, id)).orElseThrow(() -> notFound(id));
    }

    /** The file's bytes; 409 while it has none (an import still fetching or failed). */
    public Content content(Caller caller, String id) {
        ObjectNode file = retrieve(caller, id);
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
        return new Content(file.path("mime_type").asString(), path);
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("File with that ID not found: " + id + ".");
    }
}
