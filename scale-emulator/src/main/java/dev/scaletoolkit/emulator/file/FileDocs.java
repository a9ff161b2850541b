package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.jackson.ScaleJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the File object Scale returns: {@code id}, {@code attachment_url} ({@code scaledata://<account>/<id>}, usable
 * as a task attachment), {@code created_at}, {@code updated_at}, {@code mime_type}, {@code project_names},
 * {@code size}, and {@code display_name}, {@code reference_id} and {@code metadata} when given.
 *
 * <p>Two keys are the emulator's own: {@code state} ({@code stored}, {@code fetching} or {@code failed}) and, for a
 * failed import, {@code failure_reason}. Scale does not document how an import's progress shows; clients ignore
 * keys they do not know, and these let a test wait for an import to land.
 */
public final class FileDocs {
    private FileDocs() {}

    /** What a caller may set on a new file. */
    public record Attributes(String project, String displayName, String referenceId, ObjectNode metadata) {}

    public static ObjectNode build(
            Caller caller, String id, String now, Attributes attributes, String mimeType, Long size, String state) {
        ObjectNode doc = Docs.object();
        doc.put("id", id);
        doc.put("attachment_url", "scaledata://" + caller.accountId() + "/" + id);
        doc.put("created_at", now);
        doc.put("updated_at", now);
        doc.put("mime_type", mimeType);
        var projects = doc.putArray("project_names");
        if (attributes.project() != null) {
            projects.add(attributes.project());
        }
        if (size != null) {
            doc.put("size", size.longValue());
        }
        if (attributes.displayName() != null) {
            doc.put("display_name", attributes.displayName());
        }
        if (attributes.referenceId() != null) {
            doc.put("reference_id", attributes.referenceId());
        }
        if (attributes.metadata() != null) {
            doc.set("metadata", attributes.metadata());
        }
        doc.put("state", state);
        return doc;
    }

    /**
     * Reads a metadata value sent as text (a multipart field or a query parameter): it must be a JSON object. A 400
     * names {@code field} otherwise.
     */
    public static ObjectNode parseMetadata(String field, String text) {
        JsonNode node;
        try {
            node = ScaleJson.mapper().readTree(text);
        } catch (JacksonException e) {
            throw ApiError.invalidParam(
                    field,
                    "must be a JSON object encoded as a string, such as {\"camera\":\"front\"}; it is not valid"
                            + " JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalidParam(
                    field,
                    "must be a JSON object encoded as a string, such as {\"camera\":\"front\"}; got a JSON "
                            + Fields.kind(node));
        }
        return (ObjectNode) node;
    }
}
