package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes rows of the {@code batches} table inside the caller's account and mode. The row's {@code doc}
 * is the batch's wire JSON (id, name, project, status, callback, timestamps, metadata and the calibration and self-label flags); {@code status}, {@code calibration} and the timestamps are
 * mirrored into columns for filtering. The Studio columns ({@code studio_priority}, {@code studio_groups}) belong
 * to the studio package and are never touched here.
 */
public final class BatchStore {
    /** Task statuses in the order the status endpoint lists them. */
    private static final String[] TASK_STATUSES = {"pending", "completed", "error", "canceled"};

    private BatchStore() {}

    public static Optional<ObjectNode> find(Handle h, Caller caller, String name) {
        return h.createQuery("SELECT doc FROM batches WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", name)
                .mapTo(String.class)
                .findOne()
                .map(Docs::read);
    }

    /** The batch, or a 404 that names it. */
    public static ObjectNode require(Handle h, Caller caller, String name) {
        return find(h, caller, name).orElseThrow(() -> notFound(name));
    }

    public static ApiError notFound(String name) {
        return ApiError.notFound("Batch \"" + name + "\" not found. Batches of live and test mode are separate;"
                + " check that the key you use belongs to the batch's mode.");
    }

    public static boolean exists(Handle h, Caller caller, String name) {
        return find(h, caller, name).isPresent();
    }

    public static void insert(Handle h, Caller caller, ObjectNode doc) {
        h.createUpdate("INSERT INTO batches (account_id, test_mode, name, id, project, status, calibration,"
                        + " created_at, updated_at, completed_at, doc)"
                        + " VALUES (:a, :m, :n, :id, :project, :status, :calibration, :created, :created, NULL, :doc)")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", doc.path("name").asString())
                .bind("id", doc.path("id").asString())
                .bind("project", doc.path("project").asString())
                .bind("status", doc.path("status").asString())
                .bind("calibration", doc.path("calibration_batch").asBoolean(false) ? 1 : 0)
                .bind("created", doc.path("created_at").asString())
                .bind("doc", Docs.write(doc))
                .execute();
    }

    /** Writes the doc back and mirrors its status and timestamps. */
    public static void update(Handle h, Caller caller, ObjectNode doc) {
        h.createUpdate("UPDATE batches SET status = :status, updated_at = :updated, completed_at = :completed,"
                        + " doc = :doc WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("status", doc.path("status").asString())
                .bind("updated", doc.path("updated_at").asString())
                .bind(
                        "completed",
                        doc.hasNonNull("completed_at") ? doc.get("completed_at").asString() : null)
                .bind("doc", Docs.write(doc))
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", doc.path("name").asString())
                .execute();
    }

    /** How many of the batch's tasks are in each status; statuses without tasks are left out. */
    public static Map<String, Integer> taskCounts(Handle h, Caller caller, String batchName) {
        Map<String, Integer> found = new LinkedHashMap<>();
        h.createQuery("SELECT status, COUNT(*) AS n FROM tasks WHERE account_id = :a AND test_mode = :m"
                        + " AND batch = :b GROUP BY status")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("b", batchName)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String status : TASK_STATUSES) {
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
}
