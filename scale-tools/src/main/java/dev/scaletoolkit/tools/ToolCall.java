package dev.scaletoolkit.tools;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler gets: validated arguments, the backend and a progress listener, plus small typed readers.
 * Readers return {@code null} for an absent argument; the schema has already checked types.
 */
public final class ToolCall {
    private final String slug;
    private final ObjectNode args;
    private final ScaleBackend backend;
    private final ProgressListener progress;
    private final LocalFiles files;

    ToolCall(String slug, ObjectNode args, ScaleBackend backend, ProgressListener progress) {
        this(slug, args, backend, progress, LocalFiles.UNRESTRICTED);
    }

    ToolCall(String slug, ObjectNode args, ScaleBackend backend, ProgressListener progress, LocalFiles files) {
        this.slug = slug;
        this.args = args;
        this.backend = backend;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.files = files == null ? LocalFiles.UNRESTRICTED : files;
    }

    /** For tests and adapters that drive a handler directly. */
    public static ToolCall of(String slug, ObjectNode args, ScaleBackend backend, ProgressListener progress) {
        return new ToolCall(slug, args, backend, progress);
    }

    public String slug() {
        return slug;
    }

    /** The arguments (a copy; handlers may change it freely). */
    public ObjectNode args() {
        return args.deepCopy();
    }

    public ScaleBackend backend() {
        return backend;
    }

    /** Which local files this caller may read and write. */
    public LocalFiles files() {
        return files;
    }

    public ProgressListener progress() {
        return progress;
    }

    /** Shortcut for {@code backend().send(request)}. */
    public JsonNode send(ScaleRequest request) {
        return backend.send(request);
    }

    public boolean has(String name) {
        JsonNode v = args.get(name);
        return v != null && !v.isNull();
    }

    public JsonNode node(String name) {
        return has(name) ? args.get(name) : null;
    }

    public String string(String name) {
        return has(name) ? args.get(name).asString() : null;
    }

    public Integer integer(String name) {
        return has(name) ? args.get(name).asInt() : null;
    }

    public double number(String name, double fallback) {
        return has(name) ? args.get(name).asDouble() : fallback;
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? args.get(name).asBoolean() : fallback;
    }

    /** A string array as a list; absent gives an empty list. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        if (has(name)) {
            args.get(name).forEach(v -> out.add(v.isString() ? v.asString() : v.toString()));
        }
        return out;
    }

    /** The named arguments that are present, copied into a new object (to build a request body). */
    public ObjectNode pick(String... names) {
        ObjectNode out = ScaleJson.mapper().createObjectNode();
        for (String n : names) {
            if (has(n)) {
                out.set(n, args.get(n).deepCopy());
            }
        }
        return out;
    }

    /** Every present argument except the named ones. */
    public ObjectNode without(String... names) {
        ObjectNode out = args.deepCopy();
        for (String n : names) {
            out.remove(n);
        }
        return out;
    }
}
