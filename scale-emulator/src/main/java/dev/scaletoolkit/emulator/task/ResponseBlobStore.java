package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes the {@code response_blobs} table (large results behind secure URLs). */
final class ResponseBlobStore {
    private ResponseBlobStore() {}

    static void insert(Handle h, Caller owner, String id, String taskId, String jsonBody, String now) {
        h.createUpdate("INSERT INTO response_blobs (id, account_id, test_mode, task_id, content_type, body,"
                        + " created_at) VALUES (:id, :a, :m, :task, 'application/json', :body, :now)")
                .bind("id", id)
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .bind("task", taskId)
                .bind("body", jsonBody)
                .bind("now", now)
                .execute();
    }

    /** The blob as bytes with its content type, if it belongs to the owner's task. */
    static Optional<ResponseBlob> find(Handle h, Caller owner, String taskId, String blobId) {
        return h.createQuery("SELECT content_type, body FROM response_blobs WHERE id = :id"
                        + " AND task_id = :task AND account_id = :a AND test_mode = :m")
                .bind("id", blobId)
                .bind("task", taskId)
                .bind("a", owner.accountId())
                .bind("m", owner.mode())
                .map((rs, ctx) -> new ResponseBlob(
                        rs.getString("content_type"), rs.getString("body").getBytes(StandardCharsets.UTF_8)))
                .findOne();
    }
}
