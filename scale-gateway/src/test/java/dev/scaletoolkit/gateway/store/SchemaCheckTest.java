package dev.scaletoolkit.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Opening skips Flyway only for a database that has every migration; anything else still migrates. */
class SchemaCheckTest {
    @Test
    void onlyAFullyMigratedDatabaseCountsAsCurrent(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("gateway.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        assertThat(SchemaCheck.current(source)).as("a new, empty database").isFalse();

        GatewayDatabase.sqlite(file).close();
        assertThat(SchemaCheck.current(source)).as("after Flyway ran").isTrue();

        // the newest migration is not applied yet (a database made by an older build): Flyway must run
        List<Integer> latest = SchemaCheck.latestOnClasspath().orElseThrow();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + GatewayDatabase.HISTORY_TABLE + " SET version = '0' WHERE version = '"
                    + latest.get(0) + "'");
        }
        assertThat(SchemaCheck.current(source)).as("one migration behind").isFalse();
    }

    @Test
    void theLatestVersionComesFromTheMigrationFiles() {
        // this module's own migrations are V1..V5; scale-triggers adds later ones to the same location
        assertThat(SchemaCheck.latestOnClasspath())
                .hasValueSatisfying(
                        v -> assertThat(SchemaCheck.compare(v, List.of(5))).isGreaterThanOrEqualTo(0));
        assertThat(SchemaCheck.compare(SchemaCheck.parse("1.0"), SchemaCheck.parse("1")))
                .isZero();
        assertThat(SchemaCheck.compare(SchemaCheck.parse("20"), SchemaCheck.parse("5")))
                .isPositive();
        assertThat(SchemaCheck.compare(SchemaCheck.parse("1_2"), SchemaCheck.parse("1.10")))
                .isNegative();
    }

    @Test
    void connectionsReadAloneMatchWhatTheGatewayWrote(@TempDir Path home) {
        Map<String, String> env = Map.of();
        try (Gateway gw = Gateway.open(home, env::get)) {
            gw.connections().add(new NewConnection("prod", null, null, "live_0123456789abcdefKEY", null));
            gw.connections().use("prod");
        }
        // the second open finds the schema current and skips Flyway; the data must read the same
        String key = Gateway.withConnections(
                home, env::get, c -> c.defaultConnection().orElseThrow().apiKey());
        assertThat(key).isEqualTo("live_0123456789abcdefKEY");
    }
}
