package dev.scaletoolkit.infra.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one rule for bringing a module's schema up to date at start: a database that already holds exactly the
 * classpath's migrations ({@link SchemaCheck}) is used as it is; anything else goes through Flyway, which applies
 * what is missing and refuses edited or failed migrations. Loading Flyway costs more than the rest of a start on a
 * current database, so it is only touched (and its classes only loaded) when there is work for it.
 */
public final class Migrations {
    private Migrations() {}

    /** Brings {@code dataSource} up to {@code schema}'s migrations, skipping Flyway when it is already current. */
    public static void apply(DataSource dataSource, Schema schema) {
        if (!SchemaCheck.isCurrent(dataSource, schema)) {
            FlywayRun.migrate(dataSource, schema);
        }
    }

    /** Flyway, in a class of its own so that a start on a current schema never loads it. */
    private static final class FlywayRun {
        static void migrate(DataSource dataSource, Schema schema) {
            var config = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + schema.location())
                    .table(schema.historyTable());
            if (schema.sharesDatabase()) {
                config.baselineOnMigrate(true).baselineVersion("0");
            }
            config.load().migrate();
        }
    }
}
