package dev.scaletoolkit.infra.schema;

import java.util.Objects;

/**
 * A module's migrations: where they are on the classpath and which history table records them.
 *
 * @param name short name of the module, used in pool and thread names ({@code emulator}, {@code gateway})
 * @param location classpath folder of the {@code V<version>__<name>.sql} files, e.g. {@code db/migration}
 * @param historyTable Flyway's history table for this module
 * @param sharesDatabase true when the module's tables may live in a database that already holds another module's
 *     tables (its history starts from an empty baseline there instead of refusing a non-empty schema)
 */
public record Schema(String name, String location, String historyTable, boolean sharesDatabase) {
    /** Checks that every part is given. */
    public Schema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(historyTable, "historyTable");
    }
}
