package dev.scaletoolkit.gateway.settings;

import dev.scaletoolkit.infra.store.Database;
import java.util.Optional;

/** All SQL of {@code gw_settings}: small named values such as the default connection. */
public final class SettingsStore {
    public static final String DEFAULT_CONNECTION = "default_connection";

    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return db.read(h -> h.createQuery("SELECT value FROM gw_settings WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    public void put(String name, String value) {
        db.write(h -> {
            put(h, name, value);
            return null;
        });
    }

    /** Sets a value inside a transaction someone else holds (the audit trail moves its head with each entry). */
    public void put(org.jdbi.v3.core.Handle h, String name, String value) {
        long now = System.currentTimeMillis();
        int updated = h.createUpdate("UPDATE gw_settings SET value = :value, updated_at = :now WHERE name = :name")
                .bind("name", name)
                .bind("value", value)
                .bind("now", now)
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO gw_settings (name, value, updated_at) VALUES (:name, :value, :now)")
                    .bind("name", name)
                    .bind("value", value)
                    .bind("now", now)
                    .execute();
        }
    }

    public void remove(String name) {
        db.write(h -> h.createUpdate("DELETE FROM gw_settings WHERE name = :name")
                .bind("name", name)
                .execute());
    }
}
