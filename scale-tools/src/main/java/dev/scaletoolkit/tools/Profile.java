package dev.scaletoolkit.tools;

import java.util.Locale;

/**
 * Which tools a listing shows: the everyday few, all of them, only those that change nothing, or (discovery) a few
 * small tools that search, describe and call all the others on demand.
 */
public enum Profile {
    /** About ten tools that cover most agent sessions, kept small enough for tight context budgets. */
    CORE,
    /** Every tool. */
    FULL,
    /** Only tools that read and never change anything at Scale. */
    READONLY,
    /**
     * Every tool, reached through three small discovery tools (search, get a schema, call) instead of being listed
     * up front, so an agent pays about 2 KB before its first call. No catalog file names this profile.
     */
    DISCOVERY;

    /** The profile whose tools this one can reach: {@link #FULL} for {@link #DISCOVERY}, else itself. */
    public Profile scope() {
        return this == DISCOVERY ? FULL : this;
    }

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
        throw new IllegalArgumentException(
                "unknown profile '" + name + "'; expected core, full, readonly or discovery");
    }
}
