package dev.scaletoolkit.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code gw_audit}. Entries are only ever inserted; nothing here updates or deletes one. */
public final class AuditStore {
    private static final String COLUMNS = "seq, at_ms, caller, connection, tool, arguments, outcome, error_code,"
            + " latency_ms, cost_micros, confirmation, prev_hash, entry_hash";

    private AuditStore() {}

    public static Optional<AuditEntry> last(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM gw_audit ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> entry(rs))
                .findOne();
    }

    public static void insert(Handle h, AuditEntry e) {
        h.createUpdate("INSERT INTO gw_audit (" + COLUMNS + ") VALUES (:seq, :at, :caller, :connection, :tool,"
                        + " :arguments, :outcome, :errorCode, :latency, :cost, :confirmation, :prev, :hash)")
                .bind("seq", e.seq())
                .bind("at", e.atMs())
                .bind("caller", e.caller())
                .bind("connection", e.connection())
                .bind("tool", e.tool())
                .bind("arguments", e.arguments())
                .bind("outcome", e.outcome())
                .bind("errorCode", e.errorCode())
                .bind("latency", e.latencyMs())
                .bind("cost", e.costMicros())
                .bind("confirmation", e.confirmation())
                .bind("prev", e.prevHash())
                .bind("hash", e.entryHash())
                .execute();
    }

    /** The newest {@code limit} entries, newest first. */
    public static List<AuditEntry> newest(Handle h, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM gw_audit ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list();
    }

    /** Every entry in chain order, streamed (the trail can be long). */
    public static void each(Handle h, Consumer<AuditEntry> sink) {
        try (var stream = h
                .createQuery("SELECT " + COLUMNS + " FROM gw_audit ORDER BY seq")
                .map((rs, ctx) -> entry(rs))
                .stream()) {
            stream.forEach(sink);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getLong("at_ms"),
                rs.getString("caller"),
                rs.getString("connection"),
                rs.getString("tool"),
                rs.getString("arguments"),
                rs.getString("outcome"),
                rs.getString("error_code"),
                rs.getLong("latency_ms"),
                rs.getLong("cost_micros"),
                rs.getString("confirmation"),
                rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }
}
