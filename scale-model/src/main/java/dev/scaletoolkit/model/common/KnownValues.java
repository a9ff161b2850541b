package dev.scaletoolkit.model.common;

import java.util.Locale;

/** Maps an open enum's wire value to its {@code Known} constant (wire values are the lower-case names). */
public final class KnownValues {
    private KnownValues() {}

    /**
     * The constant whose name matches {@code value} (case-insensitive), or null.
     *
     * @param <E> the enum of known values
     * @param type its class
     * @param value the wire value
     * @return the constant, or null for a value this version does not know
     */
    public static <E extends Enum<E>> E find(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        return null;
    }

    /**
     * Like {@link #find} but throws naming the value when it is unknown to this version.
     *
     * @param <E> the enum of known values
     * @param type its class
     * @param value the wire value
     * @param what what the value is, for the message ("task status")
     * @return the constant
     */
    public static <E extends Enum<E>> E require(Class<E> type, String value, String what) {
        E e = find(type, value);
        if (e == null) {
            throw new IllegalStateException("unknown " + what + " '" + value + "' (newer than this SDK?)");
        }
        return e;
    }
}
