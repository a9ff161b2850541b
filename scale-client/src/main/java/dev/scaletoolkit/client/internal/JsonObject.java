package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.RecordCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Internal: a JSON object being built by a params builder; values are kept in their plain Java JSON form. */
public final class JsonObject {
    private final Map<String, Object> members = new LinkedHashMap<>();

    /** An empty object. */
    public JsonObject() {}

    /**
     * A copy of an existing object value.
     *
     * @param value a JSON object
     * @return a builder-side copy
     */
    public static JsonObject of(JsonValue value) {
        JsonObject o = new JsonObject();
        o.members.putAll(value.asMap());
        return o;
    }

    /**
     * Sets a member, written as JSON (records, open enums, maps, lists…); null removes it.
     *
     * @param key the member name
     * @param value the value, or null
     * @return this object
     */
    public JsonObject put(String key, Object value) {
        if (value == null) {
            members.remove(key);
        } else {
            members.put(key, RecordCodec.write(value).toJava());
        }
        return this;
    }

    /**
     * Removes a member.
     *
     * @param key the member name
     * @return its old value, or null when absent
     */
    public JsonValue remove(String key) {
        return members.containsKey(key) ? JsonValue.of(members.remove(key)) : null;
    }

    /**
     * Whether the member is present, even with a null value.
     *
     * @param key the member name
     * @return true when present
     */
    public boolean has(String key) {
        return members.containsKey(key);
    }

    /**
     * The member's value.
     *
     * @param key the member name
     * @return the value, or null when absent
     */
    public JsonValue get(String key) {
        return members.containsKey(key) ? JsonValue.of(members.get(key)) : null;
    }

    /**
     * Whether the member is present and not null.
     *
     * @param key the member name
     * @return true when it has a value
     */
    public boolean hasNonNull(String key) {
        return members.get(key) != null;
    }

    /**
     * Whether the member is present, not null, not a blank string and not an empty container.
     *
     * @param key the member name
     * @return true when it has content
     */
    public boolean hasContent(String key) {
        Object v = members.get(key);
        return v != null
                && !(v instanceof String s && s.isBlank())
                && !(v instanceof Map<?, ?> m && m.isEmpty())
                && !(v instanceof java.util.List<?> l && l.isEmpty());
    }

    /**
     * The member names, in insertion order.
     *
     * @return a live view of the names
     */
    public Set<String> keys() {
        return members.keySet();
    }

    /**
     * Whether there is no member.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * An independent copy.
     *
     * @return a copy that later changes here do not reach
     */
    public JsonObject copy() {
        JsonObject o = new JsonObject();
        o.members.putAll(members);
        return o;
    }

    /**
     * The immutable JSON value of this object as it is now.
     *
     * @return the value
     */
    public JsonValue toValue() {
        return JsonValue.of(members);
    }
}
