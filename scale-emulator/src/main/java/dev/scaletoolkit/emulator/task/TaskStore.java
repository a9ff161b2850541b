package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.infra.store.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The only code that reads or writes the {@code tasks} and {@code task_tags} tables. Every method runs inside the
 * caller's handle, so a service can combine several stores in one transaction.
 *
 * <p>The {@code doc} column holds the task's wire JSON plus internal keys that start with {@code _} (see
 * {@link TaskJson}); the other columns mirror fields of it for filtering. A task's status changes only through
 * {@link #move}, a conditional update, so that of several nodes sharing one database only one makes each change.
 */
public final class TaskStore {
    /** Task statuses in the order the batch status endpoint lists them. */
    private static final String[] STATUSES = {"pending", "completed", "error", "canceled"};

    private TaskStore() {}

    /** Who owns a task and where it stands, read without parsing its JSON. */
    public record Row(String id, String accountId, boolean testMode, String status, String batch) {
        public Caller owner() {
            return new Caller(accountId, testMode);
        }
    }

    /** The task's stored doc (with internal keys), in any account. */
    public static Optional<ObjectNode> find(Handle h, String taskId) {
        return h.createQuery("SELECT doc, internal FROM tasks WHERE id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> merged(rs.getString("doc"), rs.getString("internal")))
                .findOne();
    }

    /** The caller's task (with internal keys); another account's or mode's task is not found. */
    public static Optional<ObjectNode> find(Handle h, Caller caller, String taskId) {
        if (!Ids.isObjectId(taskId)) {
            return Optional.empty();
        }
        return h.createQuery("SELECT doc, internal FROM tasks WHERE id = :id AND account_id = :a AND test_mode = :m")
                .bind("id", taskId)
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .map((rs, ctx) -> merged(rs.getString("doc"), rs.getString("internal")))
                .findOne();
    }

    /**
     * The caller's task as its stored wire JSON text, for reads that send it on unchanged (no parse, no
     * re-serialise).
     */
    public static Optional<String> findWireJson(Handle h, Caller caller, String taskId) {
        if (!Ids.isObjectId(taskId)) {
            return Optional.empty();
        }
        return Rows.string(
                        h,
                        "SELECT doc FROM tasks WHERE id = ? AND account_id = ? AND test_mode = ?",
                        taskId,
                        caller.accountId(),
                        caller.mode())
                .map(TaskJson::wireText);
    }

    private static ObjectNode merged(String doc, String internal) {
        ObjectNode task = Docs.read(doc);
        if (internal != null) {
            task.setAll(Docs.read(internal));
        }
        return task;
    }

    public static Optional<Row> row(Handle h, String taskId) {
        return h.createQuery("SELECT id, account_id, test_mode, status, batch FROM tasks WHERE id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new Row(
                        rs.getString("id"),
                        rs.getString("account_id"),
                        rs.getInt("test_mode") == 1,
                        rs.getString("status"),
                        rs.getString("batch")))
                .findOne();
    }

    /**
     * Moves the task from status {@code from} to {@code to} if it is still in {@code from}; returns whether this
     * call made the change. On PostgreSQL a concurrent mover waits on the row lock and then finds nothing to move.
     */
    public static boolean move(Handle h, String taskId, String from, String to) {
        boolean moved = h.createUpdate("UPDATE tasks SET status = :to,"
                                + " work_due_at = CASE WHEN :to = 'pending' THEN work_due_at ELSE NULL END"
                                + " WHERE id = :id AND status = :from")
                        .bind("to", to)
                        .bind("from", from)
                        .bind("id", taskId)
                        .execute()
                == 1;
        if (moved) {
            h.createQuery("SELECT account_id, test_mode, project, batch, type FROM tasks WHERE id = :id")
                    .bind("id", taskId)
                    .map((rs, ctx) -> new CountKey(
                            rs.getString("account_id"),
                            rs.getInt("test_mode"),
                            rs.getString("project"),
                            rs.getString("batch"),
                            rs.getString("type")))
                    .findOne()
                    .ifPresent(key -> {
                        count(h, key, from, -1);
                        count(h, key, to, 1);
                    });
        }
        return moved;
    }

    /** The key of a task's row in {@code task_counts}, less its status. */
    private record CountKey(String accountId, int mode, String project, String batch, String type) {}

    /** Adds {@code delta} to the count of tasks under {@code key} in {@code status}, in the caller's transaction. */
    private static void count(Handle h, CountKey key, String status, int delta) {
        Rows.update(
                h,
                "INSERT INTO task_counts (account_id, test_mode, project, batch, type, status, n)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (account_id, test_mode, project, batch, type, status)"
                        + " DO UPDATE SET n = task_counts.n + excluded.n",
                key.accountId(),
                key.mode(),
                key.project() == null ? "" : key.project(),
                key.batch() == null ? "" : key.batch(),
                key.type(),
                status,
                delta);
    }

    /**
     * A new pending task with its JSON already written out, so that building it costs nothing inside the write
     * transaction (creates share one writer; see {@link #prepare}).
     */
    public record NewRow(
            Caller caller,
            String id,
            String type,
            String project,
            String batch,
            String uniqueId,
            String createdAt,
            String workDueAt,
            String doc,
            String internal,
            List<String> tags) {}

    /** Turns a new task's doc into its row; {@code workDueAt} is when the workforce may take it, or null. */
    public static NewRow prepare(Caller caller, ObjectNode task, String workDueAt) {
        List<String> tags = new java.util.ArrayList<>();
        task.path("tags").forEach(t -> tags.add(t.asString()));
        return new NewRow(
                caller,
                task.path("task_id").asString(),
                task.path("type").asString(),
                text(task, "project"),
                text(task, "batch"),
                text(task, "unique_id"),
                task.path("created_at").asString(),
                workDueAt,
                // Most new tasks carry no internal key: write them without the copy that strips those.
                Docs.write(task.propertyNames().stream().anyMatch(k -> k.startsWith("_")) ? TaskJson.wire(task) : task),
                internalJson(task),
                List.copyOf(tags));
    }

    /** Inserts a new pending task built in the caller's transaction (seeding and tests); see {@link #prepare}. */
    public static void insert(Handle h, Caller caller, ObjectNode task, String workDueAt) {
        insert(h, prepare(caller, task, workDueAt));
    }

    /** Inserts a new pending task and counts it. */
    public static void insert(Handle h, NewRow row) {
        Caller caller = row.caller();
        Rows.update(
                h,
                "INSERT INTO tasks (id, account_id, test_mode, type, status, project, batch, unique_id, created_at,"
                        + " updated_at, work_due_at, doc, internal)"
                        + " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)",
                row.id(),
                caller.accountId(),
                caller.mode(),
                row.type(),
                row.project(),
                row.batch(),
                row.uniqueId(),
                row.createdAt(),
                row.createdAt(),
                row.workDueAt(),
                row.doc(),
                row.internal());
        for (String tag : row.tags()) {
            h.createUpdate("INSERT INTO task_tags (task_id, tag) VALUES (:id, :tag)")
                    .bind("id", row.id())
                    .bind("tag", tag)
                    .execute();
        }
        count(h, new CountKey(caller.accountId(), caller.mode(), row.project(), row.batch(), row.type()), "pending", 1);
    }

    /**
     * Writes the task's JSON and mirrors its indexed fields; {@code tags} mirror into {@code task_tags}. The status
     * column is left alone: statuses change through {@link #move} only.
     */
    public static void save(Handle h, ObjectNode task) {
        String id = task.path("task_id").asString();
        h.createUpdate("UPDATE tasks SET unique_id = :uid, customer_review_status = :crs,"
                        + " updated_at = :updated, completed_at = :completed, doc = :doc, internal = :internal"
                        + " WHERE id = :id")
                .bind("uid", text(task, "unique_id"))
                .bind("crs", text(task, "customer_review_status"))
                .bind("updated", task.path("updated_at").asString())
                .bind("completed", text(task, "completed_at"))
                .bind("doc", Docs.write(TaskJson.wire(task)))
                .bind("internal", internalJson(task))
                .bind("id", id)
                .execute();
        h.createUpdate("DELETE FROM task_tags WHERE task_id = :id")
                .bind("id", id)
                .execute();
        writeTags(h, id, task);
    }

    /** The task's internal keys as JSON, or null when it has none. */
    private static String internalJson(ObjectNode task) {
        ObjectNode internal = Docs.object();
        for (String key : task.propertyNames()) {
            if (key.startsWith("_")) {
                internal.set(key, task.get(key));
            }
        }
        return internal.isEmpty() ? null : Docs.write(internal);
    }

    private static void writeTags(Handle h, String id, ObjectNode task) {
        for (JsonNode tag : task.path("tags")) {
            h.createUpdate("INSERT INTO task_tags (task_id, tag) VALUES (:id, :tag)")
                    .bind("id", id)
                    .bind("tag", tag.asString())
                    .execute();
        }
    }

    /** Ids of pending live tasks whose work is due by {@code due}, oldest due first. */
    public static List<String> dueForWork(Handle h, String due, int limit) {
        return h.createQuery("SELECT id FROM tasks WHERE status = 'pending' AND test_mode = 0"
                        + " AND work_due_at IS NOT NULL AND work_due_at <= :due"
                        + " ORDER BY work_due_at, id LIMIT " + limit)
                .bind("due", due)
                .mapTo(String.class)
                .list();
    }

    /** The task of this caller's world that holds {@code uniqueId}, if any. */
    public static Optional<String> holderOfUniqueId(Handle h, Caller caller, String uniqueId) {
        return h.createQuery("SELECT id FROM tasks WHERE account_id = :a AND test_mode = :m AND unique_id = :u")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("u", uniqueId)
                .mapTo(String.class)
                .findOne();
    }

    /** Whether the batch holds any task at all. */
    public static boolean anyInBatch(Handle h, Caller owner, String batchName) {
        return h.createQuery("SELECT 1 FROM tasks WHERE account_id = :a AND test_mode = :m AND batch = :b LIMIT 1")
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .bind("b", batchName)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    /** How many of the batch's tasks are in each status; statuses without tasks are left out. */
    public static Map<String, Integer> countsInBatch(Handle h, Caller caller, String batchName) {
        Map<String, Integer> found = new LinkedHashMap<>();
        h.createQuery("SELECT status, SUM(n) AS n FROM task_counts WHERE account_id = :a AND test_mode = :m"
                        + " AND batch = :b GROUP BY status")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("b", batchName)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String status : STATUSES) {
            if (found.getOrDefault(status, 0) > 0) {
                ordered.put(status, found.remove(status));
            }
        }
        found.forEach((status, n) -> {
            if (n > 0) {
                ordered.put(status, n);
            }
        });
        return ordered;
    }

    private static String text(ObjectNode task, String field) {
        return task.hasNonNull(field) ? task.get(field).asString() : null;
    }

    /** The exact number of tasks the filter matches, from {@code task_counts} when it can answer. */
    public static long total(Handle h, TaskFilter filter) {
        if (filter.countable()) {
            Where w = new Where();
            w.add("account_id = ?", filter.caller().accountId());
            w.add("test_mode = ?", filter.caller().mode());
            w.in("status", filter.statuses());
            w.in("type", filter.types());
            if (filter.project() != null) {
                w.add("project = ?", filter.project());
            }
            if (filter.batch() != null) {
                w.add("batch = ?", filter.batch());
            }
            return Rows.first(
                            h,
                            "SELECT COALESCE(SUM(n), 0) FROM task_counts WHERE " + w.sql(),
                            rs -> rs.getLong(1),
                            w.args())
                    .orElse(0L);
        }
        Where w = where(filter);
        return Rows.first(h, "SELECT COUNT(*) FROM tasks WHERE " + w.sql(), rs -> rs.getLong(1), w.args())
                .orElse(0L);
    }

    /** Up to {@code limit} matching tasks as stored wire JSON, newest first, after {@code after} (or from the top). */
    /** One page of wire JSON texts, and whether more tasks follow it. */
    public record Page(List<String> docs, boolean hasMore) {}

    /**
     * Up to {@code limit} tasks after {@code after}, newest first, and no more than {@code maxBytes} of JSON (at least
     * one task): rows are read one at a time and reading stops at the first that does not fit, so a page of large
     * tasks never has more than its budget in memory.
     */
    public static Page page(Handle h, TaskFilter filter, TaskFilter.PagePosition after, int limit, long maxBytes) {
        Where w = where(filter);
        if (after != null) {
            // The leading "created_at <= ?" is a range on the listing index, so page 1,000 starts where page 999
            // ended; the OR form alone makes SQLite walk every newer row first.
            w.add("created_at <= ? AND (created_at < ? OR id < ?)", after.createdAt(), after.createdAt(), after.id());
        }
        List<String> docs = new ArrayList<>();
        long[] bytes = {0};
        boolean[] more = {false};
        Rows.each(
                h,
                "SELECT doc FROM tasks WHERE " + w.sql() + " ORDER BY created_at DESC, id DESC LIMIT ?",
                rs -> rs.getString(1),
                doc -> {
                    if (docs.size() == limit || (!docs.isEmpty() && bytes[0] + doc.length() > maxBytes)) {
                        more[0] = true;
                        return false;
                    }
                    String wire = TaskJson.wireText(doc);
                    docs.add(wire);
                    bytes[0] += wire.length();
                    return true;
                },
                w.args(limit + 1));
        return new Page(docs, more[0]);
    }

    private static Where where(TaskFilter filter) {
        Where w = new Where();
        w.add("account_id = ?", filter.caller().accountId());
        w.add("test_mode = ?", filter.caller().mode());
        for (TaskFilter.TimeBound t : filter.times()) {
            w.add(t.field() + " " + t.comparison() + " ?", t.at());
        }
        w.in("status", filter.statuses());
        w.in("type", filter.types());
        if (filter.project() != null) {
            w.add("project = ?", filter.project());
        }
        if (filter.batch() != null) {
            w.add("batch = ?", filter.batch());
        }
        w.in("unique_id", filter.uniqueIds());
        if (!filter.reviews().isEmpty()) {
            Where inner = new Where();
            inner.in("customer_review_status", filter.reviews());
            String sql = inner.sql();
            if (filter.reviews().contains("pending")) {
                sql = "(" + sql + " OR (customer_review_status IS NULL AND status = 'completed'))";
            }
            w.add(sql, inner.args());
        }
        if (!filter.tags().isEmpty()) {
            Where inner = new Where();
            inner.in("tt.tag", filter.tags());
            w.add(
                    "EXISTS (SELECT 1 FROM task_tags tt WHERE tt.task_id = tasks.id AND " + inner.sql() + ")",
                    inner.args());
        }
        return w;
    }

    /** A growing WHERE clause with its positional ({@code ?}) arguments, in the order the clause reads them. */
    private static final class Where {
        private final List<String> clauses = new java.util.ArrayList<>();
        private final List<Object> args = new java.util.ArrayList<>();

        void add(String clause, Object... values) {
            clauses.add(clause);
            args.addAll(java.util.Arrays.asList(values));
        }

        void in(String column, List<String> values) {
            if (values.isEmpty()) {
                return;
            }
            clauses.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            args.addAll(values);
        }

        String sql() {
            return String.join(" AND ", clauses);
        }

        /** The arguments, then {@code more} for what the statement adds after the clause (a LIMIT). */
        Object[] args(Object... more) {
            List<Object> all = new java.util.ArrayList<>(args);
            all.addAll(java.util.Arrays.asList(more));
            return all.toArray();
        }
    }
}
