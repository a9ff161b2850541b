package dev.scaletoolkit.gateway.connection;

import java.util.Locale;

/** Whether a connection's key makes billable tasks people work on ({@code live}) or free test tasks. */
public enum Mode {
    TEST,
    LIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code test} or {@code live}, ignoring case. */
    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.wireName().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "'; expected test or live");
    }

    /** The mode Scale's key prefix implies ({@code live_…}, {@code test_…}), or {@code null} for other keys. */
    public static Mode fromKey(String apiKey) {
        if (apiKey.startsWith("live_")) {
            return LIVE;
        }
        if (apiKey.startsWith("test_")) {
            return TEST;
        }
        return null;
    }
}
