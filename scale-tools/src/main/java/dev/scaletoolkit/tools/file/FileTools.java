package dev.scaletoolkit.tools.file;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.ToolInputException;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools for files (assets). */
public final class FileTools {
    /** Scale's per-file limit. */
    static final long MAX_BYTES = 80L * 1024 * 1024;

    private FileTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_IMPORT_FILE", FileTools::importFile)
                .add("SCALE_AI_UPLOAD_FILE", FileTools::uploadFile)
                .add("SCALE_AI_GET_ASSETS", FileTools::getAssets);
    }

    // POST /v1/files/import
    static JsonNode importFile(ToolCall call) {
        return call.send(ScaleRequest.post(
                "/files/import", call.pick("file_url", "project_name", "display_name", "reference_id", "metadata")));
    }

    // POST /v1/files/upload (multipart: part "file" plus form fields; metadata as a JSON string)
    static JsonNode uploadFile(ToolCall call) {
        JsonNode file = call.node("file");
        String name = file.path("name").asString();
        byte[] content = content(call, file);
        if (content.length > MAX_BYTES) {
            throw new ToolInputException("file", "at most 80 MB (got " + content.length + " bytes)");
        }
        String mime = file.hasNonNull("mime_type") ? file.get("mime_type").asString() : null;
        if (mime == null) {
            mime = URLConnection.guessContentTypeFromName(name);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String k : new String[] {"project_name", "display_name", "reference_id"}) {
            if (call.has(k)) {
                fields.put(k, call.string(k));
            }
        }
        if (call.has("metadata")) {
            fields.put("metadata", ScaleJson.mapper().writeValueAsString(call.node("metadata")));
        }
        return call.send(ScaleRequest.upload(
                "/files/upload",
                new ScaleRequest.Upload(name, mime == null ? "application/octet-stream" : mime, content, fields)));
    }

    private static byte[] content(ToolCall call, JsonNode file) {
        if (call.has("file_path")) {
            Path path = call.files().readable("file_path", call.string("file_path"));
            if (!Files.isRegularFile(path)) {
                throw new ToolInputException(
                        "file_path", "a readable local file (not found: " + call.string("file_path") + ")");
            }
            try {
                if (Files.size(path) > MAX_BYTES) {
                    throw new ToolInputException("file_path", "a file of at most 80 MB");
                }
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new ToolInputException("file_path", "a readable local file (" + e.getMessage() + ")");
            }
        }
        if (file.hasNonNull("content_base64")) {
            try {
                return Base64.getDecoder().decode(file.get("content_base64").asString());
            } catch (IllegalArgumentException e) {
                throw new ToolInputException("file.content_base64", "standard base64 text (" + e.getMessage() + ")");
            }
        }
        throw new ToolInputException("file.content_base64", "the file content in base64, or set file_path");
    }

    // GET /v1/files?project=&metadata=&cursor=
    static JsonNode getAssets(ToolCall call) {
        JsonNode answer = call.send(ScaleRequest.get("/files")
                .query("project", call.string("project"))
                .query("metadata", call.string("metadata"))
                .query("cursor", call.string("cursor")));
        ObjectNode out = Shapes.listData(Shapes.docs(answer), call.bool("full", false), Shapes.FILE_SUMMARY);
        JsonNode next = null;
        for (String k : new String[] {"next_cursor", "nextCursor", "cursor", "next_token"}) {
            if (answer.hasNonNull(k)) {
                next = answer.get(k);
                break;
            }
        }
        out.set("next_cursor", next == null ? ScaleJson.mapper().nullNode() : next);
        return out;
    }
}
