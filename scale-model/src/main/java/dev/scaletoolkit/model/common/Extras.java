package dev.scaletoolkit.model.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers the wire records share to stay immutable while tolerating nulls and absent collections. */
public final class Extras {
    private Extras() {}

    /**
     * An unmodifiable copy that keeps insertion order and allows null values (JSON nulls).
     *
     * @param <V> the value type
     * @param map the map
     * @return an unmodifiable copy that keeps insertion order and allows null values (JSON nulls)
     */
    public static <V> Map<String, V> copy(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Collections.emptyMap();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * An unmodifiable copy, or null when the key was absent, so that absent stays absent on the wire.
     *
     * @param <V> the value type
     * @param map the map
     * @return an unmodifiable copy, or null when the key was absent, so that absent stays absent on the wire
     */
    public static <V> Map<String, V> copyOrNull(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * An unmodifiable copy, or null when the key was absent.
     *
     * @param <T> the element type
     * @param list the list
     * @return an unmodifiable copy, or null when the key was absent
     */
    public static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /**
     * An unmodifiable copy, empty when the key was absent.
     *
     * @param <T> the element type
     * @param list the list
     * @return an unmodifiable copy, empty when the key was absent
     */
    public static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
