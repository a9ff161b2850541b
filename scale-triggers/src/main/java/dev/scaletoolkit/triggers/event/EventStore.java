package dev.scaletoolkit.triggers.event;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.databind.node.ObjectNode;

/** All SQL of {@code gw_events} and its id counter {@code gw_event_seq}. */
final class EventStore {
    private static final String COLUMNS = "id, type, connection_name, task_id, batch_name, project, status,"
            + " occurred_at, received_at, source, payload";

    private EventStore() {}

    /**
     * Stores {@code e} unless an event with its key exists. Touching the counter row first serialises appenders
     * across processes (PostgreSQL row lock, SQLite's single writer), so the existence check cannot race and ids
     * are handed out in commit order.
     */
    static Optional<Event> append(Handle h, NewEvent e, Instant now) {
        h.createUpdate("UPDATE gw_event_seq SET last_id = last_id WHERE name = 'events'")
                .execute();
        if (exists(h, e.connection(), e.dedupKey())) {
            return Optional.empty();
        }
        h.createUpdate("UPDATE gw_event_seq SET last_id = last_id + 1 WHERE name = 'events'")
                .execute();
        long id = h.createQuery("SELECT last_id FROM gw_event_seq WHERE name = 'events'")
                .mapTo(Long.class)
                .one();
        h.createUpdate("INSERT INTO gw_events (" + COLUMNS + ", dedup_key) VALUES (:id, :type, :c, :task, :batch,"
                        + " :project, :status, :occurred, :received, :source, :payload, :k)")
                .bind("id", id)
                .bind("type", e.type().wireName())
                .bind("c", e.connection())
                .bind("task", e.taskId())
                .bind("batch", e.batch())
                .bind("project", e.project())
                .bind("status", e.status())
                .bind("occurred", e.occurredAt())
                .bind("received", now.toEpochMilli())
                .bind("source", e.source())
                .bind("payload", ScaleJson.mapper().writeValueAsString(e.payload()))
                .bind("k", e.dedupKey())
                .execute();
        return Optional.of(new Event(
                id,
                e.type(),
                e.connection(),
                e.taskId(),
                e.batch(),
                e.project(),
                e.status(),
                e.occurredAt(),
                Instant.ofEpochMilli(now.toEpochMilli()),
                e.source(),
                e.payload()));
    }

    /** Whether an event with this key is stored: a cheap read that spares the poller a write per repeat. */
    static boolean exists(Handle h, String connection, String dedupKey) {
        return h.createQuery("SELECT 1 FROM gw_events WHERE connection_name = :c AND dedup_key = :k")
                .bind("c", connection)
                .bind("k", dedupKey)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    static List<Event> list(Handle h, EventQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM gw_events WHERE id > :after");
        List<String> types =
                q.types().stream().map(EventType::wireName).sorted().toList();
        if (!types.isEmpty()) {
            sql.append(" AND type IN (<types>)");
        }
        if (q.connection() != null) {
            sql.append(" AND connection_name = :c");
        }
        if (q.project() != null) {
            sql.append(" AND project = :project");
        }
        if (q.batch() != null) {
            sql.append(" AND batch_name = :batch");
        }
        if (q.taskId() != null) {
            sql.append(" AND task_id = :task");
        }
        sql.append(" ORDER BY id LIMIT :lim");
        Query query = h.createQuery(sql.toString())
                .bind("after", q.afterId())
                .bind("c", q.connection())
                .bind("project", q.project())
                .bind("batch", q.batch())
                .bind("task", q.taskId())
                .bind("lim", q.limit());
        if (!types.isEmpty()) {
            query.bindList("types", types);
        }
        List<Event> out = new ArrayList<>();
        query.map((rs, ctx) -> new Event(
                        rs.getLong("id"),
                        EventType.parse(rs.getString("type")),
                        rs.getString("connection_name"),
                        rs.getString("task_id"),
                        rs.getString("batch_name"),
                        rs.getString("project"),
                        rs.getString("status"),
                        rs.getString("occurred_at"),
                        Instant.ofEpochMilli(rs.getLong("received_at")),
                        rs.getString("source"),
                        (ObjectNode) ScaleJson.mapper().readTree(rs.getString("payload"))))
                .forEach(out::add);
        return out;
    }

    static long lastId(Handle h) {
        return h.createQuery("SELECT last_id FROM gw_event_seq WHERE name = 'events'")
                .mapTo(Long.class)
                .one();
    }

    static int deleteReceivedBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM gw_events WHERE received_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli())
                .execute();
    }
}
