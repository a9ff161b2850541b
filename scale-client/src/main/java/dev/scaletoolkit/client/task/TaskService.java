package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.client.wait.Poller;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskList;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Tasks: create (one typed params class per task type), read, list, change and wait. Every method throws a
 * {@link dev.scaletoolkit.client.error.ScaleApiException} subclass for a non-200 answer and
 * {@link dev.scaletoolkit.client.error.ScaleIoException} when Scale could not be reached.
 */
public final class TaskService {
    private final ApiCaller api;
    private final RequestOptions defaults;

    public TaskService(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    /** A copy of this service whose calls use {@code options}. */
    public TaskService withOptions(RequestOptions options) {
        return new TaskService(api, options);
    }

    /**
     * Creates a task. Retried on transient failures only when it carries a {@code unique_id}; a 409 on that id
     * after a failed attempt returns the task the failed attempt made.
     */
    public Task create(TaskCreateParams params) {
        // POST /v1/task/{type}
        return api.call("POST", "/task/" + ApiCaller.segment(params.type().value()))
                .json(params.body())
                .createUniqueId(params.uniqueId().orElse(null))
                .options(defaults)
                .execute(Task.class);
    }

    public Task retrieve(String taskId) {
        // GET /v1/task/{task_id}
        return api.call("GET", taskPath(taskId)).options(defaults).execute(Task.class);
    }

    /** The task with this unique_id, if any. */
    public Optional<Task> findByUniqueId(String uniqueId) {
        // GET /v1/tasks?unique_id={unique_id}
        TaskList list = api.call("GET", "/tasks")
                .query("unique_id", uniqueId)
                .options(defaults)
                .execute(TaskList.class);
        return list.docsOrEmpty().stream()
                .filter(t -> uniqueId.equals(t.uniqueId()))
                .findFirst();
    }

    /** One page of tasks, newest first. */
    public TaskList list(TaskListParams params) {
        // GET /v1/tasks
        ApiCaller.Call call = api.call("GET", "/tasks").options(defaults);
        params.applyTo(call);
        return call.execute(TaskList.class);
    }

    /** One page as a {@link Page}, whose cursor is the {@code next_token}. */
    public Page<Task> listPage(TaskListParams params) {
        TaskList list = list(params);
        boolean more = Boolean.TRUE.equals(list.hasMore()) || (list.hasMore() == null && list.nextToken() != null);
        return new Page<>(list.docsOrEmpty(), more ? list.nextToken() : null, list.total());
    }

    /** Every matching task, following {@code next_token} page after page. */
    public AutoPager<Task> listAutoPaging(TaskListParams params) {
        return new AutoPager<>(token -> listPage(token == null ? params : params.withNextToken(token)));
    }

    /** How many tasks match (the {@code total} of a one-item page). */
    public long count(TaskListParams params) {
        Long total = list(params.withLimit(1)).total();
        return total == null ? 0 : total;
    }

    /** Cancels a pending task; a canceled one stays canceled. {@code clearUniqueId} frees its unique_id. */
    public Task cancel(String taskId, boolean clearUniqueId) {
        // POST /v1/task/{task_id}/cancel
        return api.call("POST", taskPath(taskId) + "/cancel")
                .query("clear_unique_id", clearUniqueId ? "true" : null)
                .idempotent()
                .options(defaults)
                .execute(Task.class);
    }

    public Task cancel(String taskId) {
        return cancel(taskId, false);
    }

    /** Accepts or rejects a completed task, as in the audit UI. Not retried: each call adds an audit entry. */
    public void audit(String taskId, boolean accepted, String comments) {
        // POST /v1/task/{task_id}/audit
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("accepted", accepted);
        if (comments != null) {
            body.put("comments", comments);
        }
        api.call("POST", taskPath(taskId) + "/audit")
                .json(body)
                .options(defaults)
                .executeText();
    }

    /** Replaces the task's metadata with {@code metadata}. */
    public Task setMetadata(String taskId, Map<String, ?> metadata) {
        // POST /v1/task/{task_id}/setMetadata
        return api.call("POST", taskPath(taskId) + "/setMetadata")
                .json(metadata)
                .idempotent()
                .options(defaults)
                .execute(Task.class);
    }

    /** Adds tags; ones already present are ignored. */
    public Task addTags(String taskId, Collection<String> tags) {
        // PUT /v1/task/{task_id}/tags
        return api.call("PUT", taskPath(taskId) + "/tags")
                .json(List.copyOf(tags))
                .options(defaults)
                .execute(Task.class);
    }

    /** Replaces all tags. */
    public Task replaceTags(String taskId, Collection<String> tags) {
        // POST /v1/task/{task_id}/tags
        return api.call("POST", taskPath(taskId) + "/tags")
                .json(List.copyOf(tags))
                .idempotent()
                .options(defaults)
                .execute(Task.class);
    }

    /** Removes tags; ones not present are ignored. */
    public Task deleteTags(String taskId, Collection<String> tags) {
        // DELETE /v1/task/{task_id}/tags
        return api.call("DELETE", taskPath(taskId) + "/tags")
                .json(List.copyOf(tags))
                .options(defaults)
                .execute(Task.class);
    }

    /** Sets a new unique_id; 409 when another task uses it. */
    public Task updateUniqueId(String taskId, String uniqueId) {
        // POST /v1/task/{task_id}/unique_id
        return api.call("POST", taskPath(taskId) + "/unique_id")
                .json(Map.of("unique_id", uniqueId))
                .idempotent()
                .options(defaults)
                .execute(Task.class);
    }

    /** Removes the unique_id, so that it can be used again. */
    public Task deleteUniqueId(String taskId) {
        // DELETE /v1/task/{task_id}/unique_id
        return api.call("DELETE", taskPath(taskId) + "/unique_id")
                .options(defaults)
                .execute(Task.class);
    }

    /** Asks Scale to POST the callback of a completed or errored task again. */
    public JsonNode resendCallback(String taskId) {
        // POST /v1/task/{task_id}/send-callback
        return api.call("POST", taskPath(taskId) + "/send-callback")
                .options(defaults)
                .execute(JsonNode.class);
    }

    /**
     * Downloads a result stored behind a secure URL. Scale may redirect to storage; the redirect is followed
     * without the API key.
     */
    public byte[] retrieveResponseFile(String taskId, String uuid) {
        // GET /v1/task/{task_id}/response_url/{uuid}
        return api.download(taskPath(taskId) + "/response_url/" + ApiCaller.segment(uuid), defaults);
    }

    /** Polls until the task is completed, canceled or in error, or throws when {@code timeout} passes. */
    public Task waitFor(String taskId, Duration timeout) {
        return Poller.create(api.options().clock(), api.options().sleeper())
                .until(
                        () -> retrieve(taskId),
                        t -> t.status() != null && t.status().isFinal(),
                        timeout,
                        "task " + taskId);
    }

    static String taskPath(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("taskId is required");
        }
        return "/task/" + ApiCaller.segment(taskId);
    }
}
