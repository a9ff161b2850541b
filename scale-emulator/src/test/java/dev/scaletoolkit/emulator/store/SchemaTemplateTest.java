package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.infra.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: a new data directory starts from a copy of an empty database Flyway migrated once. It must be the same
 * database Flyway makes in place, and an existing database is never replaced.
 */
class SchemaTemplateTest {

    @Test
    void aNewDataDirectoryGetsTheSchemaAndHistoryFlywayWouldHaveMade(@TempDir Path tmp) throws Exception {
        Path template = SchemaTemplate.template();
        assertThat(template).isNotNull().isRegularFile();

        // Flyway in place, as before this change
        Path flywayFile = tmp.resolve("flyway/scale.db");
        Files.createDirectories(flywayFile.getParent());
        List<String> flywaySchema;
        List<String> flywayHistory;
        try (Database flyway = Database.sqlite(flywayFile, Database.Sync.NORMAL, EmulatorDatabase.SCHEMA, 2)) {
            flywaySchema = schema(flyway);
            flywayHistory = history(flyway);
        }

        Path data = tmp.resolve("data");
        try (Database seeded = EmulatorDatabase.sqlite(data)) {
            assertThat(schema(seeded)).isEqualTo(flywaySchema).isNotEmpty();
            assertThat(history(seeded)).isEqualTo(flywayHistory).isNotEmpty();
            // an ordinary database: it takes writes and keeps them
            seeded.write(h -> h.execute("INSERT INTO accounts (id, name, email, created_at, callback_auth_key)"
                    + " VALUES ('acc_1', 'A', 'a@example.com', '2026-01-01T00:00:00Z', 'v1:x')"));
        }
        try (Database reopened = EmulatorDatabase.sqlite(data)) {
            List<String> names = reopened.read(h -> h.createQuery("SELECT name FROM accounts")
                    .mapTo(String.class)
                    .list());
            assertThat(names).containsExactly("A");
        }
        // the template itself is untouched by the copy's writes
        try (Database again = EmulatorDatabase.sqlite(tmp.resolve("another"))) {
            int accounts = again.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts")
                    .mapTo(Integer.class)
                    .one());
            assertThat(accounts).isZero();
        }
    }

    @Test
    void anExistingDatabaseIsNeverReplaced(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("scale.db");
        Files.writeString(file, "not a template");
        SchemaTemplate.seed(file);
        assertThat(Files.readString(file)).isEqualTo("not a template");
    }

    private static List<String> schema(Database db) {
        return db.read(h -> h.createQuery("SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master"
                        + " ORDER BY type, name")
                .mapTo(String.class)
                .list());
    }

    private static List<String> history(Database db) {
        return db.read(h -> h.createQuery("SELECT version || ' ' || checksum || ' ' || success || ' ' || script"
                        + " FROM flyway_schema_history ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
    }
}
