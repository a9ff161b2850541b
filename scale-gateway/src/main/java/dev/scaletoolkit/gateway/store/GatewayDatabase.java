package dev.scaletoolkit.gateway.store;

import dev.scaletoolkit.infra.schema.Schema;
import dev.scaletoolkit.infra.store.Database;
import java.nio.file.Path;

/**
 * Opens the gateway's database: a SQLite file by default, PostgreSQL when given a {@code jdbc:postgresql:} URL.
 * It is separate from the emulator's (its own history table and {@code gw_} tables), so both may share one
 * PostgreSQL database. Migrations live under {@code classpath:db/gateway}; scale-triggers adds its own there.
 */
public final class GatewayDatabase {
    /** Flyway's history table for the gateway's (and the triggers') migrations. */
    public static final String HISTORY_TABLE = "gateway_schema_history";

    /** The gateway's migrations; a database shared with the emulator already has tables, ours are all gw_. */
    public static final Schema SCHEMA = new Schema("gateway", "db/gateway", HISTORY_TABLE, true);

    private GatewayDatabase() {}

    /** Opens (creating if needed) the SQLite file {@code file}; commits survive a killed process. */
    public static Database sqlite(Path file) {
        return Database.sqlite(file, Database.Sync.NORMAL, SCHEMA, 4);
    }

    /** Opens a PostgreSQL database. */
    public static Database postgres(String jdbcUrl, String user, String password) {
        return Database.postgres(jdbcUrl, user, password, SCHEMA, 8);
    }
}
