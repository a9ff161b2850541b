package dev.scaletoolkit.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.infra.schema.SchemaCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The gateway follows the shared schema rule (scale-infra's {@code infra.schema}): opening skips Flyway only for a
 * database holding every migration of {@code db/gateway} (the triggers' included), and a database one migration
 * behind is brought up to date.
 */
class SchemaCheckTest {
    @Test
    void onlyAFullyMigratedDatabaseCountsAsCurrent(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("gateway.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        assertThat(SchemaCheck.isCurrent(source, GatewayDatabase.SCHEMA))
                .as("a new, empty database")
                .isFalse();

        GatewayDatabase.sqlite(file).close();
        assertThat(SchemaCheck.isCurrent(source, GatewayDatabase.SCHEMA))
                .as("after Flyway ran")
                .isTrue();

        // a database made by an older build: its history lacks the first migration's row
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + GatewayDatabase.HISTORY_TABLE + " WHERE version = '1'");
        }
        assertThat(SchemaCheck.isCurrent(source, GatewayDatabase.SCHEMA))
                .as("one migration behind")
                .isFalse();
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
