package dev.scaletoolkit.emulator.project;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Streamed;
import dev.scaletoolkit.infra.store.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes rows of the {@code projects} table, always inside the caller's account and mode. The row's
 * {@code doc} is the project's wire JSON (type, name, param_history, created_at, archived, and the optional rapid, studio, pipeline and ontologies).
 */
public final class ProjectStore {
    private ProjectStore() {}

    /** The caller's project named {@code name}, as its wire JSON. */
    public static Optional<ObjectNode> find(Handle h, Caller caller, String name) {
        return findText(h, caller, name).map(Docs::read);
    }

    /** The stored JSON text of the caller's project named {@code name}, unparsed (see {@code ParsedDocs}). */
    public static Optional<String> findText(Handle h, Caller caller, String name) {
        return Rows.string(
                h,
                "SELECT doc FROM projects WHERE account_id = ? AND test_mode = ? AND name = ?",
                caller.accountId(),
                caller.mode(),
                name);
    }

    /** The project, or a 404 that names it. */
    public static ObjectNode require(Handle h, Caller caller, String name) {
        return find(h, caller, name).orElseThrow(() -> notFound(name));
    }

    public static ApiError notFound(String name) {
        return ApiError.notFound("Project \"" + name + "\" not found. Projects of live and test mode are separate;"
                + " check that the key you use belongs to the project's mode.");
    }

    public static boolean exists(Handle h, Caller caller, String name) {
        return h.createQuery("SELECT COUNT(*) FROM projects WHERE account_id = :a AND test_mode = :m AND name = :n")
                        .bind("a", caller.accountId())
                        .bind("m", caller.mode())
                        .bind("n", name)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    public static void insert(Handle h, Caller caller, ObjectNode doc) {
        h.createUpdate("INSERT INTO projects (account_id, test_mode, name, type, archived, created_at, updated_at, doc)"
                        + " VALUES (:a, :m, :n, :type, :archived, :created, :created, :doc)")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", doc.path("name").asString())
                .bind("type", doc.path("type").asString())
                .bind("archived", doc.path("archived").asBoolean(false) ? 1 : 0)
                .bind("created", doc.path("created_at").asString())
                .bind("doc", Docs.write(doc))
                .execute();
    }

    public static void update(Handle h, Caller caller, ObjectNode doc, String now) {
        h.createUpdate("UPDATE projects SET archived = :archived, updated_at = :now, doc = :doc"
                        + " WHERE account_id = :a AND test_mode = :m AND name = :n")
                .bind("archived", doc.path("archived").asBoolean(false) ? 1 : 0)
                .bind("now", now)
                .bind("doc", Docs.write(doc))
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("n", doc.path("name").asString())
                .execute();
    }

    /** The names of the caller's archived projects (names only: their documents may be large). */
    public static List<String> archivedNames(Handle h, Caller caller) {
        return h.createQuery("SELECT name FROM projects WHERE account_id = :a AND test_mode = :m AND archived = 1")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .mapTo(String.class)
                .list();
    }

    /**
     * Hands each project's stored JSON to {@code each}, newest first, one row at a time (never the whole listing in
     * memory: a project may hold a long instruction in every params version); stops after {@code max} rows.
     * Returns how many it handed over.
     */
    public static int forEach(
            Handle h, Caller caller, Optional<Boolean> archived, int max, java.util.function.Consumer<String> each) {
        String sql = "SELECT doc FROM projects WHERE account_id = :a AND test_mode = :m"
                + (archived.isPresent() ? " AND archived = :archived" : "")
                + " ORDER BY created_at DESC, name DESC";
        Query q = h.createQuery(sql).bind("a", caller.accountId()).bind("m", caller.mode());
        archived.ifPresent(v -> q.bind("archived", v ? 1 : 0));
        return Streamed.forEach(h, q, query -> query.mapTo(String.class), max, each);
    }

    /**
     * The project's id: the one stored in its doc, or, for projects written without one (seeded data), a stable
     * id derived from the account, mode and name.
     */
    public static String idOf(Caller caller, ObjectNode project) {
        if (project.hasNonNull("id")) {
            return project.get("id").asString();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller.accountId() + "|" + caller.mode() + "|"
                                    + project.path("name").asString())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Rapid and Studio projects start their batches in {@code staging}; standard projects do not. */
    public static boolean stagesBatches(ObjectNode project) {
        return project.path("rapid").asBoolean(false) || project.path("studio").asBoolean(false);
    }

    public static boolean isStudio(ObjectNode project) {
        return project.path("studio").asBoolean(false);
    }
}
