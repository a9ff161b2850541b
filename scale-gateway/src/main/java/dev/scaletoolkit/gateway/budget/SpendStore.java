package dev.scaletoolkit.gateway.budget;

import org.jdbi.v3.core.Handle;

/** All SQL of {@code gw_spend}: reservations of tasks and estimated cost, summed over windows. */
public final class SpendStore {
    /** Sums over a window. */
    public record Totals(long tasks, long costMicros) {}

    private SpendStore() {}

    public static void insert(
            Handle h,
            String id,
            long atMs,
            String tokenId,
            String connection,
            String project,
            int tasks,
            long costMicros) {
        h.createUpdate("INSERT INTO gw_spend (id, at_ms, token_id, connection, project, tasks, cost_micros)"
                        + " VALUES (:id, :at, :token, :connection, :project, :tasks, :cost)")
                .bind("id", id)
                .bind("at", atMs)
                .bind("token", tokenId)
                .bind("connection", connection)
                .bind("project", project)
                .bind("tasks", tasks)
                .bind("cost", costMicros)
                .execute();
    }

    /** Adjusts a reservation to what really happened (zero tasks deletes it). */
    public static void settle(Handle h, String id, int tasks, long costMicros) {
        if (tasks <= 0) {
            h.createUpdate("DELETE FROM gw_spend WHERE id = :id").bind("id", id).execute();
            return;
        }
        h.createUpdate("UPDATE gw_spend SET tasks = :tasks, cost_micros = :cost WHERE id = :id")
                .bind("id", id)
                .bind("tasks", tasks)
                .bind("cost", costMicros)
                .execute();
    }

    public static Totals byConnection(Handle h, String connection, long sinceMs) {
        return totals(h, "connection = :key", connection, sinceMs);
    }

    public static Totals byToken(Handle h, String tokenId, long sinceMs) {
        return totals(h, "token_id = :key", tokenId, sinceMs);
    }

    /** Tasks in {@code project} through {@code connection} since the time given. */
    public static Totals byProject(Handle h, String connection, String project, long sinceMs) {
        return h.createQuery("SELECT COALESCE(SUM(tasks), 0) AS t, COALESCE(SUM(cost_micros), 0) AS c FROM gw_spend"
                        + " WHERE connection = :connection AND project = :project AND at_ms >= :since")
                .bind("connection", connection)
                .bind("project", project)
                .bind("since", sinceMs)
                .map((rs, ctx) -> new Totals(rs.getLong("t"), rs.getLong("c")))
                .one();
    }

    /** Tasks in {@code project} by the token since the time given. */
    public static Totals byTokenProject(Handle h, String tokenId, String project, long sinceMs) {
        return h.createQuery("SELECT COALESCE(SUM(tasks), 0) AS t, COALESCE(SUM(cost_micros), 0) AS c FROM gw_spend"
                        + " WHERE token_id = :token AND project = :project AND at_ms >= :since")
                .bind("token", tokenId)
                .bind("project", project)
                .bind("since", sinceMs)
                .map((rs, ctx) -> new Totals(rs.getLong("t"), rs.getLong("c")))
                .one();
    }

    private static Totals totals(Handle h, String where, String key, long sinceMs) {
        return h.createQuery("SELECT COALESCE(SUM(tasks), 0) AS t, COALESCE(SUM(cost_micros), 0) AS c FROM gw_spend"
                        + " WHERE " + where + " AND at_ms >= :since")
                .bind("key", key)
                .bind("since", sinceMs)
                .map((rs, ctx) -> new Totals(rs.getLong("t"), rs.getLong("c")))
                .one();
    }
}
