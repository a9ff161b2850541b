package dev.scaletoolkit.emulator.store;

import dev.scaletoolkit.infra.schema.Schema;
import dev.scaletoolkit.infra.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the emulator's database: SQLite file {@code scale.db} in the data directory by default, PostgreSQL when
 * given a {@code jdbc:postgresql:} URL (several nodes sharing one store). Migrations live under {@code
 * classpath:db/migration}.
 */
public final class EmulatorDatabase {
    /** The emulator's migrations and their history table. */
    public static final Schema SCHEMA = new Schema("emulator", "db/migration", "flyway_schema_history", false);

    private EmulatorDatabase() {}

    /** Opens (creating if needed) {@code scale.db} in {@code dataDir}, syncing every commit. */
    public static Database sqlite(Path dataDir) {
        return sqlite(dataDir, Database.Sync.FULL);
    }

    /** As {@link #sqlite(Path)}, choosing how commits are synced to disk. */
    public static Database sqlite(Path dataDir, Database.Sync sync) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve("scale.db");
        SchemaTemplate.seed(file); // a new directory: a copy of an empty migrated database, not Flyway again
        return Database.sqlite(file, sync, SCHEMA, 8);
    }

    /** Opens a PostgreSQL database shared by several nodes. */
    public static Database postgres(String jdbcUrl, String user, String password) {
        return Database.postgres(jdbcUrl, user, password, SCHEMA, 16);
    }
}
