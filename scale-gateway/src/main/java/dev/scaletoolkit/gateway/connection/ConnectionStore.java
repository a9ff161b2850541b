package dev.scaletoolkit.gateway.connection;

import dev.scaletoolkit.infra.store.Database;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code gw_connections}. Secrets arrive and leave sealed; this class never sees a key. */
public final class ConnectionStore {
    /** One stored row, secrets sealed. */
    public record Row(
            String name,
            String baseUrl,
            Mode mode,
            String apiKeySealed,
            String keyFingerprint,
            String callbackSecretSealed,
            long createdAt,
            long updatedAt) {
        @Override
        public String toString() {
            return "ConnectionStore.Row[name=" + name + "]";
        }
    }

    private static final String COLUMNS = "name, base_url, mode, api_key_sealed, key_fingerprint,"
            + " callback_secret_sealed, created_at, updated_at";

    private final Database db;

    public ConnectionStore(Database db) {
        this.db = db;
    }

    /** Inserts a new row; false when the name is taken. */
    public boolean insert(Row row) {
        return db.write(h -> {
            if (find(h, row.name()).isPresent()) {
                return false;
            }
            h.createUpdate("INSERT INTO gw_connections (" + COLUMNS + ") VALUES (:name, :baseUrl, :mode, :key,"
                            + " :fingerprint, :secret, :createdAt, :updatedAt)")
                    .bind("name", row.name())
                    .bind("baseUrl", row.baseUrl())
                    .bind("mode", row.mode().wireName())
                    .bind("key", row.apiKeySealed())
                    .bind("fingerprint", row.keyFingerprint())
                    .bind("secret", row.callbackSecretSealed())
                    .bind("createdAt", row.createdAt())
                    .bind("updatedAt", row.updatedAt())
                    .execute();
            return true;
        });
    }

    /** Replaces every field but the name and creation time; false when there is no such row. */
    public boolean update(Row row) {
        return db.write(h -> h.createUpdate("UPDATE gw_connections SET base_url = :baseUrl, mode = :mode,"
                                + " api_key_sealed = :key, key_fingerprint = :fingerprint,"
                                + " callback_secret_sealed = :secret, updated_at = :updatedAt WHERE name = :name")
                        .bind("name", row.name())
                        .bind("baseUrl", row.baseUrl())
                        .bind("mode", row.mode().wireName())
                        .bind("key", row.apiKeySealed())
                        .bind("fingerprint", row.keyFingerprint())
                        .bind("secret", row.callbackSecretSealed())
                        .bind("updatedAt", row.updatedAt())
                        .execute()
                > 0);
    }

    public Optional<Row> find(String name) {
        return db.read(h -> find(h, name));
    }

    public List<Row> list() {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM gw_connections ORDER BY name")
                .map((rs, ctx) -> row(rs))
                .list());
    }

    public boolean delete(String name) {
        return db.write(h -> h.createUpdate("DELETE FROM gw_connections WHERE name = :name")
                        .bind("name", name)
                        .execute()
                > 0);
    }

    private static Optional<Row> find(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM gw_connections WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getString("name"),
                rs.getString("base_url"),
                Mode.parse(rs.getString("mode")),
                rs.getString("api_key_sealed"),
                rs.getString("key_fingerprint"),
                rs.getString("callback_secret_sealed"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }
}
