package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code files} table. {@code doc} holds the File exactly as the API returns it; the columns beside it
 * (project, reference_id, sha256, size_bytes, mime_type, state, source_url) index and locate it. Every read is
 * scoped to one account and mode.
 */
public final class FileStore {
    /** Bytes are on disk. */
    public static final String STORED = "stored";
    /** An import whose bytes are still being downloaded. */
    public static final String FETCHING = "fetching";
    /** An import that could not be downloaded; {@code failure_reason} says why. */
    public static final String FAILED = "failed";

    private FileStore() {}

    /** A file row as the fetcher needs it. */
    public record Pending(String id, String sourceUrl, String mimeType) {}

    /** Fails with 409 when {@code referenceId} already names a file of this account and mode. */
    public static void requireFreeReference(Handle h, Caller caller, String referenceId) {
        if (referenceId == null) {
            return;
        }
        h.createQuery("SELECT id FROM files WHERE account_id = :a AND test_mode = :m AND reference_id = :r")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("r", referenceId)
                .mapTo(String.class)
                .findOne()
                .ifPresent(existing -> {
                    throw ApiError.conflict(
                            "The reference_id (\"" + referenceId + "\") is already used for file " + existing + ".");
                });
    }

    /**
     * Inserts a new file; {@code doc} is its wire JSON. Callers check the reference first; the unique index still
     * decides when two emulator nodes share one PostgreSQL database, and its violation is a 409 too.
     */
    public static void insert(
            Handle h, Caller caller, ObjectNode doc, String project, String sha256, Long size, String sourceUrl) {
        try {
            doInsert(h, caller, doc, project, sha256, size, sourceUrl);
        } catch (UnableToExecuteStatementException e) {
            if (doc.has("reference_id") && isUniqueViolation(e)) {
                throw ApiError.conflict("The reference_id (\""
                        + doc.get("reference_id").asString() + "\") is already used for another file.");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Exception e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                if ("23505".equals(sql.getSQLState()) || message.contains("UNIQUE")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void doInsert(
            Handle h, Caller caller, ObjectNode doc, String project, String sha256, Long size, String sourceUrl) {
        h.createUpdate("INSERT INTO files (id, account_id, test_mode, project, reference_id, sha256, size_bytes,"
                        + " mime_type, state, source_url, created_at, updated_at, doc) VALUES (:id, :a, :m,"
                        + " :project, :ref, :sha, :size, :mime, :state, :url, :created, :updated, :doc)")
                .bind("id", doc.path("id").asString())
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("project", project)
                .bind("ref", doc.has("reference_id") ? doc.get("reference_id").asString() : null)
                .bind("sha", sha256)
                .bind("size", size)
                .bind("mime", doc.path("mime_type").asString())
                .bind("state", doc.path("state").asString())
                .bind("url", sourceUrl)
                .bind("created", doc.path("created_at").asString())
                .bind("updated", doc.path("updated_at").asString())
                .bind("doc", Docs.write(doc))
                .execute();
    }

    /** One file of the caller's, or empty. */
    public static Optional<ObjectNode> find(Handle h, Caller caller, String id) {
        return h.createQuery("SELECT doc FROM files WHERE id = :id AND account_id = :a AND test_mode = :m")
                .bind("id", id)
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .mapTo(String.class)
                .findOne()
                .map(Docs::read);
    }

    /** The digest of a stored file's bytes, or empty while it has none. */
    public static Optional<String> sha256(Handle h, Caller caller, String id) {
        return h.createQuery("SELECT sha256 FROM files WHERE id = :id AND account_id = :a AND test_mode = :m"
                        + " AND state = :state")
                .bind("id", id)
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("state", STORED)
                .mapTo(String.class)
                .findOne();
    }

    /** Imports waiting for their bytes, oldest first, across all accounts. */
    public static List<Pending> pendingFetches(Handle h, int limit) {
        return h.createQuery("SELECT id, source_url, mime_type FROM files WHERE state = :state"
                        + " ORDER BY created_at, id LIMIT :n")
                .bind("state", FETCHING)
                .bind("n", limit)
                .map((rs, ctx) ->
                        new Pending(rs.getString("id"), rs.getString("source_url"), rs.getString("mime_type")))
                .list();
    }

    /** Records the downloaded bytes of an import; false if it was no longer fetching. */
    public static boolean markStored(Handle h, String id, BlobStore.Blob blob, String mimeType, String now) {
        Optional<ObjectNode> loaded = loadFetching(h, id);
        if (loaded.isEmpty()) {
            return false;
        }
        ObjectNode doc = loaded.get();
        doc.put("size", blob.size());
        doc.put("mime_type", mimeType);
        doc.put("state", STORED);
        doc.put("updated_at", now);
        h.createUpdate("UPDATE files SET sha256 = :sha, size_bytes = :size, mime_type = :mime, state = :state,"
                        + " updated_at = :now, doc = :doc WHERE id = :id")
                .bind("sha", blob.sha256())
                .bind("size", blob.size())
                .bind("mime", mimeType)
                .bind("state", STORED)
                .bind("now", now)
                .bind("doc", Docs.write(doc))
                .bind("id", id)
                .execute();
        return true;
    }

    /** Records why an import could not be downloaded; false if it was no longer fetching. */
    public static boolean markFailed(Handle h, String id, String reason, String now) {
        Optional<ObjectNode> loaded = loadFetching(h, id);
        if (loaded.isEmpty()) {
            return false;
        }
        ObjectNode doc = loaded.get();
        doc.put("state", FAILED);
        doc.put("failure_reason", reason);
        doc.put("updated_at", now);
        h.createUpdate("UPDATE files SET state = :state, updated_at = :now, doc = :doc WHERE id = :id")
                .bind("state", FAILED)
                .bind("now", now)
                .bind("doc", Docs.write(doc))
                .bind("id", id)
                .execute();
        return true;
    }

    private static Optional<ObjectNode> loadFetching(Handle h, String id) {
        return h.createQuery("SELECT doc FROM files WHERE id = :id AND state = :state")
                .bind("id", id)
                .bind("state", FETCHING)
                .mapTo(String.class)
                .findOne()
                .map(Docs::read);
    }

    /** A stored file's keyset position and its JSON. */
    public record Row(String createdAt, String id, ObjectNode doc) {}

    /**
     * Up to {@code limit} of the caller's files, newest first, optionally of one project, after {@code after} (null
     * for the first page).
     */
    public static List<Row> page(Handle h, Caller caller, String project, KeysetCursor after, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT id, created_at, doc FROM files WHERE account_id = :a AND test_mode = :m");
        if (project != null) {
            sql.append(" AND project = :project");
        }
        if (after != null) {
            sql.append(" AND created_at <= :c AND (created_at < :c OR id < :cid)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit);
        var q = h.createQuery(sql.toString()).bind("a", caller.accountId()).bind("m", caller.mode());
        if (project != null) {
            q.bind("project", project);
        }
        if (after != null) {
            q.bind("c", after.createdAt()).bind("cid", after.id());
        }
        return q.map((rs, ctx) ->
                        new Row(rs.getString("created_at"), rs.getString("id"), Docs.read(rs.getString("doc"))))
                .list();
    }
}
