package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.infra.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a caller's files, newest first, optionally narrowed to a project and to files whose metadata contains
 * given key/value pairs. Pages are cut by keyset ({@code created_at}, id) so a file added between two calls neither
 * repeats nor shifts a page.
 *
 * <p>The metadata filter runs in Java over the rows the project filter selects, in chunks, because metadata lives in
 * the JSON doc and the DDL must stay portable between SQLite and PostgreSQL.
 */
public final class FileListing {
    private static final int CHUNK = 200;

    private FileListing() {}

    /** A page: the files, and the cursor of the last one when more follow. */
    public record Page(List<ObjectNode> docs, KeysetCursor next) {}

    public static Page list(
            Database db, Caller caller, String project, ObjectNode metadata, KeysetCursor after, int limit) {
        List<ObjectNode> out = new ArrayList<>();
        KeysetCursor position = after;
        while (out.size() <= limit) {
            KeysetCursor from = position;
            List<FileStore.Row> chunk = db.read(h -> FileStore.page(h, caller, project, from, CHUNK));
            for (FileStore.Row row : chunk) {
                if (metadata == null || contains(row.doc().path("metadata"), metadata)) {
                    out.add(row.doc());
                    if (out.size() > limit) {
                        break;
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            FileStore.Row last = chunk.get(chunk.size() - 1);
            position = new KeysetCursor(last.createdAt(), last.id());
        }
        if (out.size() <= limit) {
            return new Page(out, null);
        }
        List<ObjectNode> page = List.copyOf(out.subList(0, limit));
        ObjectNode last = page.get(limit - 1);
        return new Page(
                page,
                new KeysetCursor(
                        last.path("created_at").asString(), last.path("id").asString()));
    }

    /**
     * Whether {@code metadata} has every key of {@code filter} with an equal value; nested objects match when they
     * contain the filter's nested keys, and numbers compare by value (so 1 matches 1.0).
     */
    static boolean contains(JsonNode metadata, JsonNode filter) {
        if (filter.isObject()) {
            if (!metadata.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : filter.properties()) {
                JsonNode actual = metadata.get(e.getKey());
                if (actual == null || !contains(actual, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (filter.isNumber() && metadata.isNumber()) {
            return filter.decimalValue().compareTo(metadata.decimalValue()) == 0;
        }
        return filter.equals(metadata);
    }
}
