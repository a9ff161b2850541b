package dev.scaletoolkit.client.bulk;

import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code unique_id} derived from a task's content: SHA-256 over its type and its canonical JSON (keys sorted,
 * no spaces, without {@code unique_id}). The same task submitted twice gets the same id, so Scale refuses the
 * second copy; different tasks get different ids.
 */
public final class ContentIds {
    private ContentIds() {}

    /**
     * The content-derived unique_id of a task.
     *
     * @param params the task
     * @return {@code sha256-} followed by 64 hex digits
     */
    public static String of(TaskCreateParams params) {
        Map<String, Object> body = new TreeMap<>(params.body().asMap());
        body.remove("unique_id");
        String canonical = params.type().value() + "\n" + canonical(JsonValue.of(body));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** JSON with object keys sorted at every level, so equal content gives equal text. */
    static String canonical(JsonValue value) {
        return JsonValue.of(sorted(value.toJava())).toJson();
    }

    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> obj) {
            Map<String, Object> map = new TreeMap<>();
            obj.forEach((k, v) -> map.put(String.valueOf(k), sorted(v)));
            return map;
        }
        if (node instanceof List<?> arr) {
            List<Object> list = new ArrayList<>();
            arr.forEach(e -> list.add(sorted(e)));
            return list;
        }
        return node;
    }
}
