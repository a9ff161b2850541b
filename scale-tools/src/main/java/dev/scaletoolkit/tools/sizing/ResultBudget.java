package dev.scaletoolkit.tools.sizing;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps results within a byte budget for an agent's context. A result envelope above the budget is cut: its longest
 * arrays lose items from the end and its longest strings lose their tail, until it fits. The envelope keeps its
 * shape and gains {@code truncated}: the result id, the sizes, what was cut where, and how to read the rest with
 * {@code SCALE_AI_READ_RESULT} (a field path such as {@code docs.3.response} and an offset). The whole result stays
 * in memory for the last {@value #KEPT} cut results of this instance (one per MCP server, that is one per caller).
 */
public final class ResultBudget {
    /** The default budget: 16 KB of JSON. */
    public static final int DEFAULT_BYTES = 16 * 1024;
    /** The environment variable that sets the budget in bytes. */
    public static final String ENV = "SCALE_RESULT_MAX_BYTES";

    static final int KEPT = 32;
    private static final int MINIMUM_BYTES = 1024;
    /** Room left for the {@code truncated} marker itself. */
    private static final int MARKER_ROOM = 600;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxBytes;
    private final Map<String, JsonNode> kept = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > KEPT;
        }
    };

    /** A budget of {@code maxBytes} (at least 1 KB). */
    public ResultBudget(int maxBytes) {
        if (maxBytes < MINIMUM_BYTES) {
            throw new IllegalArgumentException("a result budget is at least " + MINIMUM_BYTES + " bytes");
        }
        this.maxBytes = maxBytes;
    }

    /** The budget {@value #ENV} sets, else {@link #DEFAULT_BYTES}; a bad value is refused with its name. */
    public static ResultBudget fromEnv(Function<String, String> env) {
        String value = env.apply(ENV);
        if (value == null || value.isBlank()) {
            return new ResultBudget(DEFAULT_BYTES);
        }
        try {
            return new ResultBudget(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    ENV + " must be a number of bytes of at least " + MINIMUM_BYTES + ", got '" + value + "'");
        }
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** {@code envelope} itself when it fits, else a cut copy with {@code truncated} (the whole is kept to read). */
    public ObjectNode fit(ObjectNode envelope) {
        int size = bytes(envelope);
        if (size <= maxBytes) {
            return envelope;
        }
        String id = "res_" + HexFormat.of().formatHex(randomBytes());
        synchronized (kept) {
            kept.put(id, envelope.deepCopy());
        }
        ObjectNode copy = envelope.deepCopy();
        JsonNode data = copy.path("data");
        List<Cut> cuts = shrink(data, "", maxBytes - MARKER_ROOM - (size - bytes(data)));
        ObjectNode marker = copy.putObject("truncated");
        marker.put("result_id", id);
        marker.put("total_bytes", size);
        ArrayNode list = marker.putArray("cut");
        cuts.forEach(c -> list.addObject()
                .put("path", c.path())
                .put("kept", c.kept())
                .put("total", c.total())
                .put("unit", c.unit()));
        marker.put(
                "read_more",
                "This result was cut to " + maxBytes
                        + " bytes. Call SCALE_AI_READ_RESULT (in the discovery profile: through"
                        + " SCALE_AI_CALL_TOOL) with result_id, the path"
                        + " of a cut field and offset = its 'kept' to read on.");
        return copy;
    }

    /**
     * {@code SCALE_AI_READ_RESULT}: the value at {@code path} (dots between keys and indexes, relative to
     * {@code data}; empty for all of it) of a kept result, from {@code offset} (items of an array, characters of a
     * string), as much as fits, with {@code next_offset} when more is left.
     */
    public ToolResult read(JsonNode args) {
        String id = args.path("result_id").asString("");
        JsonNode whole;
        synchronized (kept) {
            whole = kept.get(id);
        }
        if (whole == null) {
            return ToolResult.failed(new ToolError(
                    "No kept result '" + id + "': the last " + KEPT + " cut results of this session are kept. Call"
                            + " the tool again.",
                    ToolError.Code.NOT_FOUND,
                    null,
                    false,
                    null,
                    List.of()));
        }
        String path = args.path("path").asString("").trim();
        JsonNode value = whole.path("data");
        if (!path.isEmpty()) {
            for (String part : path.split("\\.")) {
                value = value.isArray() && part.matches("\\d+") ? value.path(Integer.parseInt(part)) : value.path(part);
            }
        }
        if (value.isMissingNode()) {
            return ToolResult.failed(ToolError.invalidInput(List.of(
                    new ToolError.Problem("path", "a field path in the result's data, e.g. 'docs' or 'docs.0'"))));
        }
        int offset = Math.max(0, args.path("offset").asInt(0));
        int room = maxBytes - MARKER_ROOM;
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        data.put("result_id", id).put("path", path).put("offset", offset);
        if (value.isArray()) {
            ArrayNode items = ScaleJson.mapper().createArrayNode();
            int used = 0;
            int i = offset;
            for (; i < value.size(); i++) {
                int next = bytes(value.get(i)) + 1;
                if (used + next > room && i > offset) {
                    break;
                }
                items.add(value.get(i));
                used += next;
            }
            List<Cut> cuts = used > room ? shrink(items, path + "." + offset, room) : List.of();
            data.set("value", items);
            data.put("total", value.size());
            putNext(data, i, value.size());
            addCuts(data, cuts);
        } else if (value.isString()) {
            String text = value.asString();
            int end = Math.min(text.length(), offset + room);
            data.put("value", offset >= text.length() ? "" : text.substring(offset, end));
            data.put("total", text.length());
            putNext(data, end, text.length());
        } else {
            JsonNode copy = value.deepCopy();
            List<Cut> cuts = shrink(copy, path, room);
            data.set("value", copy);
            data.putNull("next_offset");
            addCuts(data, cuts);
        }
        return ToolResult.ok(data);
    }

    private static void putNext(ObjectNode data, int next, int total) {
        if (next < total) {
            data.put("next_offset", next);
        } else {
            data.putNull("next_offset");
        }
    }

    private static void addCuts(ObjectNode data, List<Cut> cuts) {
        if (!cuts.isEmpty()) {
            ArrayNode list = data.putArray("cut");
            cuts.forEach(c -> list.addObject()
                    .put("path", c.path())
                    .put("kept", c.kept())
                    .put("total", c.total())
                    .put("unit", c.unit()));
        }
    }

    /** What was shortened: the field's path, how many items or characters are shown, how many there are. */
    record Cut(String path, int kept, int total, String unit) {}

    /** A node that can be shortened, its container, and where it sits there. */
    private record Candidate(JsonNode node, JsonNode parent, String key, int index, String path, int size) {}

    /** Shortens the largest arrays and strings under {@code root} until it takes at most {@code target} bytes. */
    static List<Cut> shrink(JsonNode root, String rootPath, int target) {
        Map<String, Cut> cuts = new LinkedHashMap<>();
        for (int round = 0; round < 1000; round++) {
            int size = bytes(root);
            if (size <= target) {
                break;
            }
            List<Candidate> found = new ArrayList<>();
            collect(root, null, null, -1, rootPath, found);
            Candidate largest = found.stream()
                    .filter(c -> c.node().isArray()
                            ? c.node().size() > 0
                            : c.node().asString().length() > 32)
                    .max((a, b) -> Integer.compare(a.size(), b.size()))
                    .orElse(null);
            if (largest == null) {
                break;
            }
            int excess = size - target;
            if (largest.node() instanceof ArrayNode array) {
                int total = cuts.containsKey(largest.path())
                        ? cuts.get(largest.path()).total()
                        : array.size();
                int removed = 0;
                while (array.size() > 0 && removed < excess) {
                    removed += bytes(array.get(array.size() - 1)) + 1;
                    array.remove(array.size() - 1);
                }
                cuts.put(largest.path(), new Cut(largest.path(), array.size(), total, "items"));
            } else {
                String text = largest.node().asString();
                int total = cuts.containsKey(largest.path())
                        ? cuts.get(largest.path()).total()
                        : text.length();
                int keep = Math.max(32, text.length() - excess - 8);
                if (keep >= text.length()) {
                    keep = text.length() / 2;
                }
                String shorter = text.substring(0, keep);
                if (largest.parent() instanceof ObjectNode o) {
                    o.put(largest.key(), shorter);
                } else if (largest.parent() instanceof ArrayNode a) {
                    a.set(largest.index(), ScaleJson.mapper().getNodeFactory().stringNode(shorter));
                } else {
                    break; // the root itself is a string: nothing to hold it in
                }
                cuts.put(largest.path(), new Cut(largest.path(), keep, total, "characters"));
            }
        }
        return new ArrayList<>(cuts.values());
    }

    private static void collect(
            JsonNode node, JsonNode parent, String key, int index, String path, List<Candidate> out) {
        if (node.isArray() || node.isString()) {
            out.add(new Candidate(node, parent, key, index, path, bytes(node)));
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), node, e.getKey(), -1, join(path, e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, join(path, String.valueOf(i)), out);
            }
        }
    }

    private static String join(String path, String part) {
        return path.isEmpty() ? part : path + "." + part;
    }

    static int bytes(JsonNode node) {
        return ScaleJson.mapper().writeValueAsBytes(node).length;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return b;
    }
}
