package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/files/import}: {@code {file_url, project_name?, display_name?, reference_id?, metadata?}}. The File
 * comes back at once in state {@code fetching}, without {@code size}; the background fetcher downloads the bytes and
 * moves it to {@code stored} or {@code failed}.
 *
 * <p>A URL the emulator's outbound policy refuses without a lookup (a bad scheme or port, a literal address that is
 * not public nor allowed in any spelling, a cloud metadata name, the emulator's own port) is a 400 straight away
 * and nothing is queued. A host name is resolved only by the fetcher, which checks every
 * address again; an import that turns out to point somewhere refused ends in state {@code failed}.
 */
public final class FileImport {
    private final EmulatorContext context;

    public FileImport(EmulatorContext context) {
        this.context = context;
    }

    /** Queues the import of {@code {"file_url", "project_name"?, ...}}; answers the file in state fetching. */
    public ObjectNode start(Caller caller, ObjectNode body) {
        String url = Fields.requireString(body, "file_url").trim();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiError.invalidParam("file_url", "is not a valid URL");
        }
        context.outbound().imports().refuseWithoutLookup(uri).ifPresent(reason -> {
            throw ApiError.invalidParam("file_url", reason);
        });
        FileDocs.Attributes attributes = new FileDocs.Attributes(
                Fields.optString(body, "project_name").orElse(null),
                Fields.optString(body, "display_name").orElse(null),
                Fields.optString(body, "reference_id").orElse(null),
                metadata(body).orElse(null));
        String guessed = Optional.ofNullable(MimeTypes.fromName(uri.getPath())).orElse(MimeTypes.UNKNOWN);
        ObjectNode doc = FileDocs.build(
                caller, context.ids().uuid(), context.now(), attributes, guessed, null, FileStore.FETCHING);
        ObjectNode created = context.db().write(h -> {
            FileStore.requireFreeReference(h, caller, attributes.referenceId());
            FileStore.insert(h, caller, doc, attributes.project(), null, null, url);
            return doc;
        });
        FetchSignal.of(context.db()).wake();
        return created;
    }

    /** An object, or (as the upload form sends it) a string holding a JSON object. */
    private static Optional<ObjectNode> metadata(JsonNode body) {
        if (!Fields.present(body, "metadata")) {
            return Optional.empty();
        }
        JsonNode value = body.get("metadata");
        if (value.isString()) {
            return Optional.of(FileDocs.parseMetadata("metadata", value.stringValue()));
        }
        return Fields.optObject(body, "metadata");
    }
}
