package dev.scaletoolkit.triggers.poll;

import dev.scaletoolkit.infra.store.Database;
import java.time.Instant;
import java.util.Optional;

/** All SQL of {@code gw_poll_cursors}: the {@code updated_after} each connection's poller sends next. */
final class PollCursorStore {
    private final Database db;

    PollCursorStore(Database db) {
        this.db = db;
    }

    Optional<Instant> get(String connection) {
        return db.read(h -> h.createQuery("SELECT updated_after FROM gw_poll_cursors WHERE connection_name = :c")
                .bind("c", connection)
                .mapTo(String.class)
                .findOne()
                .map(Instant::parse));
    }

    void put(String connection, Instant updatedAfter, Instant now) {
        db.write(h -> {
            int changed = h.createUpdate("UPDATE gw_poll_cursors SET updated_after = :u, polled_at = :p"
                            + " WHERE connection_name = :c")
                    .bind("u", updatedAfter.toString())
                    .bind("p", now.toEpochMilli())
                    .bind("c", connection)
                    .execute();
            if (changed == 0) {
                h.createUpdate("INSERT INTO gw_poll_cursors (connection_name, updated_after, polled_at)"
                                + " VALUES (:c, :u, :p)")
                        .bind("u", updatedAfter.toString())
                        .bind("p", now.toEpochMilli())
                        .bind("c", connection)
                        .execute();
            }
            return null;
        });
    }
}
