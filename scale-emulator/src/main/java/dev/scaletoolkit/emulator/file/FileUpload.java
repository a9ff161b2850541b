package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores an uploaded file: its bytes content-addressed under the data directory, its record in {@code files}. The
 * wire layer ({@code api/MultipartUpload}) reads the multipart form into an {@link Upload}; more than 80 MB is a 413.
 */
public final class FileUpload {
    private final EmulatorContext context;
    private final BlobStore blobs;

    public FileUpload(EmulatorContext context, BlobStore blobs) {
        this.context = context;
        this.blobs = blobs;
    }

    /**
     * The bytes and fields of one upload, as the wire layer read them from the form.
     *
     * @param attributes the optional text fields
     * @param content opens the file's bytes (spooled by the servlet, so never all in memory)
     * @param declaredType the part's Content-Type, or null
     * @param submittedName the part's file name, or null
     */
    public record Upload(FileDocs.Attributes attributes, Content content, String declaredType, String submittedName) {}

    /** Opens the uploaded bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** Stores the upload's bytes (content-addressed) and its file record; answers the file. */
    public ObjectNode upload(Caller caller, Upload upload) throws IOException {
        FileDocs.Attributes attributes = upload.attributes();
        // Checked before copying the bytes so a duplicate is refused cheaply; checked again when committing.
        context.db().read(h -> {
            FileStore.requireFreeReference(h, caller, attributes.referenceId());
            return null;
        });
        BlobStore.Blob blob;
        try (InputStream in = upload.content().open()) {
            blob = blobs.put(in, EmulatorLimits.MAX_FILE_BYTES);
        } catch (BlobStore.TooLargeException e) {
            throw tooLarge();
        }
        String mime = MimeTypes.choose(upload.declaredType(), upload.submittedName(), blob.path());
        ObjectNode doc = FileDocs.build(
                caller, context.ids().uuid(), context.now(), attributes, mime, blob.size(), FileStore.STORED);
        return context.db().write(h -> {
            FileStore.requireFreeReference(h, caller, attributes.referenceId());
            FileStore.insert(h, caller, doc, attributes.project(), blob.sha256(), blob.size(), null);
            return doc;
        });
    }

    /** The 413 for a file over Scale's 80 MB limit. */
    public static ApiError tooLarge() {
        return ApiError.tooLarge("The file is larger than Scale's limit of 80 MB (" + EmulatorLimits.MAX_FILE_BYTES
                + " bytes) per upload.");
    }
}
