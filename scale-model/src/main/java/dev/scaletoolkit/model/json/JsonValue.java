package dev.scaletoolkit.model.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SDK's own immutable JSON value, for the parts of Scale's answers whose shape depends on the task type
 * ({@code params}, {@code response}) and for keys this version does not model. It holds plain Java values
 * (maps, lists, strings, numbers, booleans, null), so it ties the public API to no JSON library: {@link #toJava()}
 * gives them, {@link #toJson()} writes JSON text, {@link #parse(String)} reads it.
 *
 * <p>{@link #toJava()} is its {@link WireValue}: {@link RecordCodec} writes it as the JSON it holds, and so does the
 * Jackson 3 binding in {@code scale-model-jackson}. A Jackson 2 mapper of your own writes {@code toJava()} or
 * {@code toJson()} (with {@code @JsonRawValue}).
 */
public final class JsonValue {
    /** JSON {@code null}. */
    public static final JsonValue NULL = new JsonValue(null);

    private final Object value;

    private JsonValue(Object value) {
        this.value = value;
    }

    /**
     * Wraps a plain Java value, copying it deeply into an immutable form: maps with string keys, collections,
     * strings, numbers, booleans, null, and other {@code JsonValue}s.
     *
     * @param value the value
     * @return the JSON value
     * @throws IllegalArgumentException for anything else (use {@code RecordCodec.write} for records)
     */
    public static JsonValue of(Object value) {
        if (value instanceof JsonValue v) {
            return v;
        }
        return value == null ? NULL : new JsonValue(freeze(value));
    }

    /**
     * Reads JSON text.
     *
     * @param json the text
     * @return the value it holds
     * @throws IllegalArgumentException naming the position of the first error
     */
    public static JsonValue parse(String json) {
        return new JsonValue(new JsonReader(json).readDocument());
    }

    static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof JsonValue v) {
            return v.value;
        }
        if (value instanceof Number n) {
            return normalize(n);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Object[] array) {
            return freeze(java.util.Arrays.asList(array));
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "not a JSON value: " + value.getClass().getName() + " (use RecordCodec.write for records)");
    }

    private static Number normalize(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof Float) {
            return n.doubleValue();
        }
        if (n instanceof BigDecimal || n instanceof BigInteger || n instanceof Long || n instanceof Double) {
            return n;
        }
        return new BigDecimal(n.toString());
    }

    /**
     * The plain Java form: an unmodifiable {@code Map<String, Object>}, {@code List<Object>}, {@code String},
     * {@code Long}, {@code Double}, {@code BigDecimal}, {@code BigInteger}, {@code Boolean}, or null.
     *
     * @return the value
     */
    @WireValue
    public Object toJava() {
        return value;
    }

    /**
     * This value as compact JSON text.
     *
     * @return the JSON
     */
    public String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(value, out);
        return out.toString();
    }

    /** @return true for a JSON object */
    public boolean isObject() {
        return value instanceof Map;
    }

    /** @return true for a JSON array */
    public boolean isArray() {
        return value instanceof List;
    }

    /** @return true for a JSON string */
    public boolean isString() {
        return value instanceof String;
    }

    /** @return true for a JSON number */
    public boolean isNumber() {
        return value instanceof Number;
    }

    /** @return true for {@code true} or {@code false} */
    public boolean isBoolean() {
        return value instanceof Boolean;
    }

    /** @return true for JSON {@code null} */
    public boolean isNull() {
        return value == null;
    }

    /**
     * A member of an object.
     *
     * @param key the member name
     * @return its value ({@link #NULL} for an explicit null), or null when this is not an object or has no such key
     */
    public JsonValue get(String key) {
        if (value instanceof Map<?, ?> map && map.containsKey(key)) {
            return new JsonValue(map.get(key));
        }
        return null;
    }

    /**
     * An element of an array.
     *
     * @param index the position
     * @return its value, or null when this is not an array or the index is out of range
     */
    public JsonValue get(int index) {
        if (value instanceof List<?> list && index >= 0 && index < list.size()) {
            return new JsonValue(list.get(index));
        }
        return null;
    }

    /**
     * A member of an object, never null: {@link #NULL} when this is not an object or has no such key, so that
     * lookups chain ({@code response.path("annotations").path(0).path("label")}).
     *
     * @param key the member name
     * @return the member, or {@link #NULL}
     */
    public JsonValue path(String key) {
        JsonValue v = get(key);
        return v == null ? NULL : v;
    }

    /**
     * An element of an array, never null: {@link #NULL} when out of range or not an array.
     *
     * @param index the position
     * @return the element, or {@link #NULL}
     */
    public JsonValue path(int index) {
        JsonValue v = get(index);
        return v == null ? NULL : v;
    }

    /**
     * The elements of an array as JSON values (empty for other values), for {@code for} loops.
     *
     * @return the elements
     */
    public List<JsonValue> elements() {
        List<JsonValue> out = new ArrayList<>();
        asList().forEach(v -> out.add(new JsonValue(v)));
        return out;
    }

    /**
     * The string, or {@code fallback} when this is not a string.
     *
     * @param fallback what to return otherwise
     * @return the text
     */
    public String asText(String fallback) {
        return value instanceof String s ? s : fallback;
    }

    /**
     * The number as a double, or {@code fallback} when this is not a number.
     *
     * @param fallback what to return otherwise
     * @return the number
     */
    public double asDouble(double fallback) {
        return value instanceof Number n ? n.doubleValue() : fallback;
    }

    /**
     * The number as an int, or {@code fallback} when this is not a number.
     *
     * @param fallback what to return otherwise
     * @return the number
     */
    public int asInt(int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }

    /**
     * The text of a string value.
     *
     * @return the string, or null when this is not a string
     */
    public String stringValue() {
        return value instanceof String s ? s : null;
    }

    /**
     * The number of a number value.
     *
     * @return the number, or null when this is not a number
     */
    public Number numberValue() {
        return value instanceof Number n ? n : null;
    }

    /**
     * The members of an object, as plain Java values.
     *
     * @return an unmodifiable map, empty when this is not an object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * The elements of an array, as plain Java values.
     *
     * @return an unmodifiable list, empty when this is not an array
     */
    @SuppressWarnings("unchecked")
    public List<Object> asList() {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /**
     * The number of members of an object or elements of an array.
     *
     * @return the size, 0 for other values
     */
    public int size() {
        return value instanceof Map<?, ?> m ? m.size() : value instanceof List<?> l ? l.size() : 0;
    }

    /** Equal when the JSON is equal; numbers compare by value, so {@code 1} equals {@code 1.0}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonValue other && JsonWriter.sameJson(value, other.value);
    }

    @Override
    public int hashCode() {
        return value instanceof Number n ? Double.hashCode(n.doubleValue()) : Objects.hashCode(value);
    }

    /** The JSON text, as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }
}
