package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-up skips Flyway only when the database holds exactly the classpath's migrations; an edited migration is
 * still caught by Flyway's own validation.
 */
class SchemaCheckTest {
    @Test
    void aMigratedDatabaseIsCurrentAndItsChecksumsAreFlywaysOwn() throws Exception {
        Path dir = Files.createTempDirectory("schema-check");
        try (Database db = Database.sqlite(dir)) {
            Map<String, Integer> applied = new HashMap<>();
            db.read(h -> h.createQuery("SELECT version, checksum FROM flyway_schema_history")
                    .map((rs, ctx) -> applied.put(rs.getString(1), rs.getInt(2)))
                    .list());
            assertThat(SchemaCheck.classpathMigrations()).isNotEmpty().isEqualTo(applied);
        }
        try (Database again = Database.sqlite(dir)) {
            assertThat(SchemaCheck.isCurrent(dataSourceOf(dir))).isTrue();
        }
    }

    @Test
    void anEditedMigrationIsNotCurrentAndFlywayStillRefusesIt() throws Exception {
        Path dir = Files.createTempDirectory("schema-check");
        try (Database db = Database.sqlite(dir)) {
            db.write(h -> h.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'"));
        }
        assertThat(SchemaCheck.isCurrent(dataSourceOf(dir))).isFalse();
        assertThatThrownBy(() -> Database.sqlite(dir)).hasMessageContaining("checksum mismatch");
    }

    @Test
    void anEmptyDatabaseIsNotCurrent() throws Exception {
        Path dir = Files.createTempDirectory("schema-check");
        assertThat(SchemaCheck.isCurrent(dataSourceOf(dir))).isFalse();
    }

    private static javax.sql.DataSource dataSourceOf(Path dir) {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("scale.db").toAbsolutePath());
        return ds;
    }
}
