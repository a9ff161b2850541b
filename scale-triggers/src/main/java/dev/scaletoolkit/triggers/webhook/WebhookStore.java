package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.infra.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code gw_webhooks} and {@code gw_webhook_failures}. */
final class WebhookStore {
    private static final String COLUMNS = "id, url, event_types, project, connection_name, secret_sealed, created_at,"
            + " last_event_id, attempts, first_failed_at, next_attempt_at, last_error";

    private final Database db;

    WebhookStore(Database db) {
        this.db = db;
    }

    /** A subscription row; {@code secretSealed} is opened only to sign. */
    record Row(
            String id,
            String url,
            String eventTypes,
            String project,
            String connection,
            String secretSealed,
            long createdAt,
            long lastEventId,
            int attempts,
            Long firstFailedAt,
            long nextAttemptAt,
            String lastError) {}

    void insert(Row r) {
        db.write(h -> h.createUpdate("INSERT INTO gw_webhooks (" + COLUMNS + ", lease_until) VALUES (:id, :url, :types,"
                        + " :project, :c, :secret, :created, :last, 0, NULL, :created, NULL, 0)")
                .bind("id", r.id())
                .bind("url", r.url())
                .bind("types", r.eventTypes())
                .bind("project", r.project())
                .bind("c", r.connection())
                .bind("secret", r.secretSealed())
                .bind("created", r.createdAt())
                .bind("last", r.lastEventId())
                .execute());
    }

    List<Row> list() {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM gw_webhooks ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs))
                .list());
    }

    Optional<Row> find(String id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM gw_webhooks WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    boolean delete(String id) {
        return db.write(h -> {
            h.createUpdate("DELETE FROM gw_webhook_failures WHERE webhook_id = :id")
                    .bind("id", id)
                    .execute();
            return h.createUpdate("DELETE FROM gw_webhooks WHERE id = :id")
                            .bind("id", id)
                            .execute()
                    > 0;
        });
    }

    /**
     * Claims subscriptions that are due and not claimed by another dispatcher, until {@code leaseUntil}. One claim
     * at a time per subscription keeps its deliveries in order, also with several gateway processes.
     */
    List<Row> claimDue(Instant now, Instant leaseUntil, int max) {
        return db.write(h -> {
            List<Row> due = h.createQuery("SELECT " + COLUMNS + " FROM gw_webhooks WHERE next_attempt_at <= :now"
                            + " AND lease_until <= :now ORDER BY next_attempt_at LIMIT :max")
                    .bind("now", now.toEpochMilli())
                    .bind("max", max)
                    .map((rs, ctx) -> row(rs))
                    .list();
            return due.stream()
                    .filter(r -> h.createUpdate("UPDATE gw_webhooks SET lease_until = :until WHERE id = :id"
                                            + " AND lease_until <= :now")
                                    .bind("until", leaseUntil.toEpochMilli())
                                    .bind("now", now.toEpochMilli())
                                    .bind("id", r.id())
                                    .execute()
                            == 1)
                    .toList();
        });
    }

    /** The event was delivered: move past it, clear the retry state and extend the claim for the next one. */
    void delivered(String id, long eventId, Instant leaseUntil) {
        db.write(h -> {
            advance(h, id, eventId);
            return h.createUpdate("UPDATE gw_webhooks SET lease_until = :until WHERE id = :id")
                    .bind("until", leaseUntil.toEpochMilli())
                    .bind("id", id)
                    .execute();
        });
    }

    /** Nothing to send now: let the next poll look again. */
    void release(String id) {
        db.write(h -> h.createUpdate("UPDATE gw_webhooks SET lease_until = 0 WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    /** The attempt failed: retry at {@code next}. */
    void failed(String id, int attempts, long firstFailedAt, Instant next, String error) {
        db.write(h -> h.createUpdate("UPDATE gw_webhooks SET attempts = :a, first_failed_at = :first,"
                        + " next_attempt_at = :next, lease_until = 0, last_error = :err WHERE id = :id")
                .bind("a", attempts)
                .bind("first", firstFailedAt)
                .bind("next", next.toEpochMilli())
                .bind("err", truncate(error))
                .bind("id", id)
                .execute());
    }

    /** Retried for the whole window: record the failure and move on to the next event. */
    void gaveUp(String id, long eventId, int attempts, String error, Instant now) {
        db.write(h -> {
            h.createUpdate("INSERT INTO gw_webhook_failures (webhook_id, event_id, attempts, last_error, gave_up_at)"
                            + " VALUES (:id, :e, :a, :err, :now)")
                    .bind("id", id)
                    .bind("e", eventId)
                    .bind("a", attempts)
                    .bind("err", truncate(error))
                    .bind("now", now.toEpochMilli())
                    .execute();
            return advance(h, id, eventId);
        });
    }

    int failureCount(String id) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM gw_webhook_failures WHERE webhook_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
    }

    private static int advance(Handle h, String id, long eventId) {
        return h.createUpdate("UPDATE gw_webhooks SET last_event_id = :e, attempts = 0, first_failed_at = NULL,"
                        + " last_error = NULL WHERE id = :id")
                .bind("e", eventId)
                .bind("id", id)
                .execute();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long first = rs.getLong("first_failed_at");
        Long firstFailed = rs.wasNull() ? null : first;
        return new Row(
                rs.getString("id"),
                rs.getString("url"),
                rs.getString("event_types"),
                rs.getString("project"),
                rs.getString("connection_name"),
                rs.getString("secret_sealed"),
                rs.getLong("created_at"),
                rs.getLong("last_event_id"),
                rs.getInt("attempts"),
                firstFailed,
                rs.getLong("next_attempt_at"),
                rs.getString("last_error"));
    }
}
