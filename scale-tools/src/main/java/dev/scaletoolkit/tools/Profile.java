package dev.scaletoolkit.tools;

import java.util.Locale;

/** Which tools a listing shows: the everyday few, all of them, or only those that change nothing. */
public enum Profile {
    /** About ten tools that cover most agent sessions, kept small enough for tight context budgets. */
    CORE,
    /** Every tool. */
    FULL,
    /** Only tools that read and never change anything at Scale. */
    READONLY;

    /** The lower-case name used in the catalog files ({@code core}, {@code full}, {@code readonly}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a profile name, ignoring case; throws {@link IllegalArgumentException} naming the accepted values. */
    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; expected core, full or readonly");
    }
}
