package dev.scaletoolkit.infra.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The one schema rule: Flyway is skipped only when the database holds exactly the classpath's migrations, with
 * Flyway's own checksums; an edited, failed or missing migration sends the start through Flyway, which applies
 * what is missing and refuses what was edited. A module sharing a database gets a baseline row, which is not a
 * migration and does not make the schema look stale.
 */
class SchemaCheckTest {
    private static final Schema ALONE = new Schema("test", "db/infra-test", "test_history", false);
    private static final Schema SHARED = new Schema("test", "db/infra-test", "test_history", true);

    @Test
    void aMigratedDatabaseIsCurrentWithFlywaysOwnChecksums(@TempDir Path dir) throws Exception {
        SQLiteDataSource source = source(dir);
        assertThat(SchemaCheck.isCurrent(source, ALONE)).as("empty database").isFalse();

        Migrations.apply(source, ALONE);

        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM test_history")) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(SchemaCheck.classpathMigrations("db/infra-test"))
                .containsOnlyKeys("1", "2")
                .isEqualTo(applied);
        assertThat(SchemaCheck.isCurrent(source, ALONE)).isTrue();
    }

    @Test
    void anEditedMigrationIsNotCurrentAndFlywayStillRefusesIt(@TempDir Path dir) throws Exception {
        SQLiteDataSource source = source(dir);
        Migrations.apply(source, ALONE);
        run(source, "UPDATE test_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThat(SchemaCheck.isCurrent(source, ALONE)).isFalse();
        assertThatThrownBy(() -> Migrations.apply(source, ALONE)).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aMissingMigrationIsAppliedOnTheNextStart(@TempDir Path dir) throws Exception {
        SQLiteDataSource source = source(dir);
        Migrations.apply(source, ALONE);
        run(source, "DROP TABLE t_two");
        run(source, "DELETE FROM test_history WHERE version = '2'");
        assertThat(SchemaCheck.isCurrent(source, ALONE))
                .as("one migration behind")
                .isFalse();

        Migrations.apply(source, ALONE);

        run(source, "INSERT INTO t_two (id, name) VALUES (1, 'back')");
        assertThat(SchemaCheck.isCurrent(source, ALONE)).isTrue();
    }

    @Test
    void aModuleSharingADatabaseIsCurrentAfterItsBaseline(@TempDir Path dir) throws Exception {
        SQLiteDataSource source = source(dir);
        run(source, "CREATE TABLE other_module (id INTEGER)");

        Migrations.apply(source, SHARED);

        assertThat(SchemaCheck.isCurrent(source, SHARED)).isTrue();
    }

    @Test
    void aFailedMigrationIsNeverCurrent(@TempDir Path dir) throws Exception {
        SQLiteDataSource source = source(dir);
        Migrations.apply(source, ALONE);
        run(source, "UPDATE test_history SET success = 0 WHERE version = '2'");

        assertThat(SchemaCheck.isCurrent(source, ALONE)).isFalse();
    }

    private static SQLiteDataSource source(Path dir) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        return source;
    }

    private static void run(SQLiteDataSource source, String sql) throws Exception {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
