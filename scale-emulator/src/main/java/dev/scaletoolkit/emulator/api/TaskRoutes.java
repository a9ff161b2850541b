package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.task.ResponseBlob;
import dev.scaletoolkit.emulator.task.TaskCreation;
import dev.scaletoolkit.emulator.task.TaskEdits;
import dev.scaletoolkit.emulator.task.TaskEdits.TagOp;
import dev.scaletoolkit.emulator.task.TaskQuery;
import dev.scaletoolkit.emulator.task.TaskReviews;
import java.nio.charset.StandardCharsets;

/**
 * The v1 task routes: create, read, list, cancel, tags, metadata, unique_id, audit, callbacks and secure
 * response URLs. The work happens in {@code dev.scaletoolkit.emulator.task}; this class only maps paths to it.
 */
public final class TaskRoutes implements Routes {
    private static final String JSON = "application/json; charset=utf-8";

    private final TaskCreation creation;
    private final TaskQuery query;
    private final TaskEdits edits;
    private final TaskReviews reviews;

    public TaskRoutes(TaskCreation creation, TaskQuery query, TaskEdits edits, TaskReviews reviews) {
        this.creation = creation;
        this.query = query;
        this.edits = edits;
        this.reviews = reviews;
    }

    @Override
    public void register(Router router) {
        router.get("/tasks", req -> json(query.list(TaskListParams.parse(req))));
        // A read sends the stored JSON as it is: no parse, no re-serialise.
        router.get("/task/{task_id}", req -> json(query.retrieve(req.caller(), req.path("task_id"))));
        router.post(
                "/task/{type}",
                req -> json(creation.create(
                        req.caller(),
                        req.path("type"),
                        req.bodyObject(),
                        req.header("Idempotency-Key").orElse(null))));
        router.post(
                "/task/{task_id}/cancel",
                req -> edits.cancel(
                        req.caller(),
                        req.path("task_id"),
                        req.queryBool("clear_unique_id").orElse(false)));
        router.put("/task/{task_id}/tags", req -> edits.tags(req.caller(), req.path("task_id"), req.body(), TagOp.ADD));
        router.post(
                "/task/{task_id}/tags",
                req -> edits.tags(req.caller(), req.path("task_id"), req.body(), TagOp.REPLACE));
        router.delete(
                "/task/{task_id}/tags", req -> edits.tags(req.caller(), req.path("task_id"), req.body(), TagOp.REMOVE));
        router.post(
                "/task/{task_id}/setMetadata", req -> edits.setMetadata(req.caller(), req.path("task_id"), req.body()));
        router.post(
                "/task/{task_id}/unique_id",
                req -> edits.setUniqueId(
                        req.caller(), req.path("task_id"), Fields.requireString(req.bodyObject(), "unique_id")));
        router.delete("/task/{task_id}/unique_id", req -> edits.clearUniqueId(req.caller(), req.path("task_id")));
        // Scale answers an audit with plain OK.
        router.post("/task/{task_id}/audit", req -> {
            reviews.audit(req.caller(), req.path("task_id"), req.bodyObject());
            return new Reply.Text("OK");
        });
        // Third-party clients disagree on the spelling; Scale's own docs name neither, so both are served.
        router.post("/task/{task_id}/send-callback", req -> reviews.resendCallback(req.caller(), req.path("task_id")));
        router.post("/task/{task_id}/send_callback", req -> reviews.resendCallback(req.caller(), req.path("task_id")));
        router.get("/task/{task_id}/response_url/{uuid}", req -> {
            ResponseBlob blob = reviews.responseBlob(req.caller(), req.path("task_id"), req.path("uuid"));
            return new Reply.Bytes(blob.contentType(), blob.body());
        });
    }

    /** Stored JSON text sent as it is. */
    private static Object json(String text) {
        return new Reply.Bytes(JSON, text.getBytes(StandardCharsets.UTF_8));
    }
}
