package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callback outbox: the only code that reads or writes the {@code callbacks} table. A delivery is written in
 * the same transaction as the change that causes it, so the two commit together and a restart loses neither; the
 * {@link CallbackDispatcher} sends what is due.
 */
public final class CallbackStore {
    private CallbackStore() {}

    /** A due outbox row. {@code attempts} counts the attempts made before this one. */
    public record Delivery(
            String id,
            String accountId,
            boolean testMode,
            String taskId,
            String batchName,
            String url,
            String body,
            int attempts) {}

    /** Filters of the delivery log; each may be null. */
    public record LogFilter(String taskId, String batchName, String state, int limit) {}

    /**
     * Queues one POST of {@code body} to {@code url}, due now.
     *
     * @param taskId the task the callback is about, or null for a batch callback
     * @param batchName the batch the callback is about, or null for a task callback
     * @return the delivery's id
     */
    public static String enqueue(
            Handle h,
            EmulatorContext context,
            String accountId,
            boolean testMode,
            String taskId,
            String batchName,
            String url,
            ObjectNode body) {
        return enqueue(h, context, accountId, testMode, taskId, batchName, url, body, null);
    }

    /**
     * Queues a delivery that is sent only once the delivery {@code afterId} (if not null) is no longer pending, so
     * that a batch's callback follows the callback of the task that completed it.
     */
    public static String enqueue(
            Handle h,
            EmulatorContext context,
            String accountId,
            boolean testMode,
            String taskId,
            String batchName,
            String url,
            ObjectNode body,
            String afterId) {
        String id = context.ids().objectId();
        String now = context.now();
        h.createUpdate("INSERT INTO callbacks (id, account_id, test_mode, task_id, batch_name, url, body, state,"
                        + " attempts, next_attempt_at, created_at, updated_at, after_id)"
                        + " VALUES (:id, :a, :m, :task, :batch, :url, :body, 'pending', 0, :now, :now, :now, :after)")
                .bind("id", id)
                .bind("a", accountId)
                .bind("m", testMode ? 1 : 0)
                .bind("task", taskId)
                .bind("batch", batchName)
                .bind("url", url)
                .bind("body", Docs.write(body))
                .bind("now", now)
                .bind("after", afterId)
                .execute();
        return id;
    }

    /**
     * Pending deliveries due by {@code now}, oldest first, leaving out those still waiting for the delivery they
     * follow.
     */
    static List<Delivery> due(Handle h, String now, int limit) {
        return h.createQuery("SELECT id, account_id, test_mode, task_id, batch_name, url, body, attempts"
                        + " FROM callbacks c WHERE state = 'pending' AND next_attempt_at <= :now"
                        + " AND (after_id IS NULL OR NOT EXISTS (SELECT 1 FROM callbacks p"
                        + " WHERE p.id = c.after_id AND p.state = 'pending'))"
                        + " ORDER BY next_attempt_at, created_at, id LIMIT " + limit)
                .bind("now", now)
                .map((rs, ctx) -> new Delivery(
                        rs.getString("id"),
                        rs.getString("account_id"),
                        rs.getInt("test_mode") == 1,
                        rs.getString("task_id"),
                        rs.getString("batch_name"),
                        rs.getString("url"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Claims a due delivery by moving its {@code next_attempt_at} to {@code leaseUntil}; conditional, so that of
     * several nodes sharing one database only one claims each delivery.
     */
    static boolean claim(Handle h, String id, String now, String leaseUntil) {
        return h.createUpdate("UPDATE callbacks SET next_attempt_at = :lease"
                                + " WHERE id = :id AND state = 'pending' AND next_attempt_at <= :now")
                        .bind("lease", leaseUntil)
                        .bind("id", id)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /** Records an attempt's outcome on a pending delivery; returns whether the row was still pending. */
    static boolean record(
            Handle h,
            String id,
            String state,
            int attempts,
            String nextAttempt,
            Integer status,
            String error,
            String now) {
        return h.createUpdate("UPDATE callbacks SET state = :state, attempts = :attempts,"
                                + " next_attempt_at = :next, last_status = :status, last_error = :error,"
                                + " updated_at = :now WHERE id = :id AND state = 'pending'")
                        .bind("state", state)
                        .bind("attempts", attempts)
                        .bind("next", nextAttempt)
                        .bind("status", status)
                        .bind("error", error)
                        .bind("now", now)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** Makes a claimed delivery due at {@code now} again without counting an attempt. */
    static void release(Handle h, String id, String now) {
        h.createUpdate("UPDATE callbacks SET next_attempt_at = :now WHERE id = :id AND state = 'pending'")
                .bind("now", now)
                .bind("id", id)
                .execute();
    }

    /** The delivery log for the control plane, oldest first. */
    public static List<ObjectNode> log(Handle h, LogFilter filter) {
        List<String> where = new ArrayList<>();
        Optional.ofNullable(filter.taskId()).ifPresent(t -> where.add("task_id = :task"));
        Optional.ofNullable(filter.batchName()).ifPresent(b -> where.add("batch_name = :batch"));
        Optional.ofNullable(filter.state()).ifPresent(s -> where.add("state = :state"));
        String sql = "SELECT id, account_id, test_mode, task_id, batch_name, url, body, state, attempts,"
                + " next_attempt_at, last_status, last_error, created_at, updated_at FROM callbacks"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at, id LIMIT " + filter.limit();
        var query = h.createQuery(sql);
        Optional.ofNullable(filter.taskId()).ifPresent(t -> query.bind("task", t));
        Optional.ofNullable(filter.batchName()).ifPresent(b -> query.bind("batch", b));
        Optional.ofNullable(filter.state()).ifPresent(s -> query.bind("state", s));
        return query.map((rs, ctx) -> {
                    ObjectNode d = Docs.object();
                    d.put("id", rs.getString("id"));
                    d.put("account_id", rs.getString("account_id"));
                    d.put("is_test", rs.getInt("test_mode") == 1);
                    d.put("task_id", rs.getString("task_id"));
                    d.put("batch_name", rs.getString("batch_name"));
                    d.put("url", rs.getString("url"));
                    d.put("state", rs.getString("state"));
                    d.put("attempts", rs.getInt("attempts"));
                    d.put("next_attempt_at", rs.getString("next_attempt_at"));
                    int status = rs.getInt("last_status");
                    d.put("last_status", rs.wasNull() ? null : status);
                    d.put("last_error", rs.getString("last_error"));
                    d.put("created_at", rs.getString("created_at"));
                    d.put("updated_at", rs.getString("updated_at"));
                    d.set("body", Docs.read(rs.getString("body")));
                    return d;
                })
                .list();
    }
}
