package dev.scaletoolkit.client.bulk;

import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.model.ScaleJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code unique_id} derived from a task's content: SHA-256 over its type and its canonical JSON (keys sorted,
 * no spaces, without {@code unique_id}). The same task submitted twice gets the same id, so Scale refuses the
 * second copy; different tasks get different ids.
 */
public final class ContentIds {
    private ContentIds() {}

    public static String of(TaskCreateParams params) {
        ObjectNode body = params.body();
        body.remove("unique_id");
        String canonical = params.type().value() + "\n" + canonical(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** JSON with object keys sorted at every level, so equal content gives equal text. */
    static String canonical(JsonNode node) {
        return ScaleJson.mapper().writeValueAsString(sorted(node));
    }

    private static Object sorted(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            Map<String, Object> map = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                map.put(e.getKey(), sorted(e.getValue()));
            }
            return map;
        }
        if (node instanceof ArrayNode arr) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            arr.forEach(e -> list.add(sorted(e)));
            return list;
        }
        return node;
    }
}
