package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.Poller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskList;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tasks: create (one typed params class per task type), read, list, change and wait. Every method throws a
 * {@link dev.scaletoolkit.client.error.ScaleApiException} subclass for a non-200 answer and
 * {@link dev.scaletoolkit.client.error.ScaleIoException} when Scale could not be reached. Every operation has an
 * overload taking {@link RequestOptions}, merged on top of this service's options for that one call.
 */
public final class TaskService {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#tasks()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public TaskService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy of this service whose calls use these options on top of the current ones: a setting left unset keeps
     * its current value (the API key in particular).
     *
     * @param options the settings to change
     * @return the changed copy; this service is unchanged
     */
    public TaskService withOptions(RequestOptions options) {
        return new TaskService(ctx.with(options));
    }

    /**
     * A copy of this service with options changed from the current ones, e.g.
     * {@code withOptions(o -> o.timeout(Duration.ofSeconds(30)))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy; this service is unchanged
     */
    public TaskService withOptions(Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new TaskService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<TaskService> withRawResponse() {
        return new RawResponseView<>(observer -> new TaskService(ctx.observing(observer)));
    }

    /**
     * The options every call of this service starts from.
     *
     * @return the service's options
     */
    public RequestOptions options() {
        return ctx.defaults();
    }

    /**
     * Creates a task. Retried on transient failures only when it carries a {@code unique_id} (429 and a 503 with
     * {@code Retry-After} are always retried); a 409 on that id after a failed attempt returns the task the failed
     * attempt made.
     *
     * @param params the task, built with the params class of its type
     * @return the created task
     */
    public Task create(TaskCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Creates a task with per-call options.
     *
     * @param params the task
     * @param options merged on top of this service's options
     * @return the created task
     * @see #create(TaskCreateParams)
     */
    public Task create(TaskCreateParams params, RequestOptions options) {
        // POST /v1/task/{type}
        return ctx.call("POST", "/task/" + ApiCaller.segment(params.type().value()), options)
                .json(params.body())
                .createUniqueId(params.uniqueId().orElse(null))
                .execute(Task.class);
    }

    /**
     * Fetches a task.
     *
     * @param taskId the task's id
     * @return the task
     * @throws dev.scaletoolkit.client.error.NotFoundException when no such task exists for this key
     */
    public Task retrieve(String taskId) {
        return retrieve(taskId, RequestOptions.none());
    }

    /**
     * Fetches a task with per-call options.
     *
     * @param taskId the task's id
     * @param options merged on top of this service's options
     * @return the task
     * @see #retrieve(String)
     */
    public Task retrieve(String taskId, RequestOptions options) {
        // GET /v1/task/{task_id}
        return ctx.call("GET", taskPath(taskId), options).execute(Task.class);
    }

    /**
     * Looks a task up by its unique_id.
     *
     * @param uniqueId the unique_id it was created with
     * @return the task, or empty when none has it
     */
    public Optional<Task> findByUniqueId(String uniqueId) {
        return findByUniqueId(uniqueId, RequestOptions.none());
    }

    /**
     * Looks a task up by its unique_id, with per-call options.
     *
     * @param uniqueId the unique_id it was created with
     * @param options merged on top of this service's options
     * @return the task, or empty when none has it
     * @see #findByUniqueId(String)
     */
    public Optional<Task> findByUniqueId(String uniqueId, RequestOptions options) {
        // GET /v1/tasks?unique_id={unique_id}
        TaskList list =
                ctx.call("GET", "/tasks", options).query("unique_id", uniqueId).execute(TaskList.class);
        return list.docsOrEmpty().stream()
                .filter(t -> uniqueId.equals(t.uniqueId()))
                .findFirst();
    }

    /**
     * One page of tasks, newest first.
     *
     * @param params filters and the page cursor
     * @return the page as Scale sent it
     */
    public TaskList list(TaskListParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * One page of tasks, with per-call options.
     *
     * @param params filters and the page cursor
     * @param options merged on top of this service's options
     * @return the page as Scale sent it
     * @see #list(TaskListParams)
     */
    public TaskList list(TaskListParams params, RequestOptions options) {
        // GET /v1/tasks
        ApiCaller.Call call = ctx.call("GET", "/tasks", options);
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.execute(TaskList.class);
    }

    /**
     * One page as a {@link Page}, whose cursor is the {@code next_token}.
     *
     * @param params filters and the page cursor
     * @return the page
     */
    public Page<Task> listPage(TaskListParams params) {
        return listPage(params, RequestOptions.none());
    }

    /**
     * One page as a {@link Page}, with per-call options.
     *
     * @param params filters and the page cursor
     * @param options merged on top of this service's options
     * @return the page
     * @see #listPage(TaskListParams)
     */
    public Page<Task> listPage(TaskListParams params, RequestOptions options) {
        TaskList list = list(params, options);
        boolean more = Boolean.TRUE.equals(list.hasMore()) || (list.hasMore() == null && list.nextToken() != null);
        return new Page<>(list.docsOrEmpty(), more ? list.nextToken() : null, list.total());
    }

    /**
     * Every matching task, following {@code next_token} page after page, fetched lazily.
     *
     * @param params filters
     * @return an iterable that fetches pages as it goes
     */
    public AutoPager<Task> listAutoPaging(TaskListParams params) {
        return listAutoPaging(params, RequestOptions.none());
    }

    /**
     * Every matching task, with per-call options for each page.
     *
     * @param params filters
     * @param options merged on top of this service's options
     * @return an iterable that fetches pages as it goes
     * @see #listAutoPaging(TaskListParams)
     */
    public AutoPager<Task> listAutoPaging(TaskListParams params, RequestOptions options) {
        return new AutoPager<>(token -> listPage(token == null ? params : params.withNextToken(token), options));
    }

    /**
     * How many tasks match (the {@code total} of a one-item page).
     *
     * @param params filters
     * @return the count, 0 when Scale reports none
     */
    public long count(TaskListParams params) {
        return count(params, RequestOptions.none());
    }

    /**
     * How many tasks match, with per-call options.
     *
     * @param params filters
     * @param options merged on top of this service's options
     * @return the count, 0 when Scale reports none
     * @see #count(TaskListParams)
     */
    public long count(TaskListParams params, RequestOptions options) {
        Long total = list(params.withLimit(1), options).total();
        return total == null ? 0 : total;
    }

    /**
     * Cancels a pending task; a canceled one stays canceled.
     *
     * @param taskId the task's id
     * @param clearUniqueId also frees its unique_id for reuse
     * @return the task after the change
     */
    public Task cancel(String taskId, boolean clearUniqueId) {
        return cancel(taskId, clearUniqueId, RequestOptions.none());
    }

    /**
     * Cancels a pending task, with per-call options.
     *
     * @param taskId the task's id
     * @param clearUniqueId also frees its unique_id for reuse
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #cancel(String, boolean)
     */
    public Task cancel(String taskId, boolean clearUniqueId, RequestOptions options) {
        // POST /v1/task/{task_id}/cancel
        return ctx.call("POST", taskPath(taskId) + "/cancel", options)
                .query("clear_unique_id", clearUniqueId ? "true" : null)
                .idempotent()
                .execute(Task.class);
    }

    /**
     * Cancels a pending task and keeps its unique_id.
     *
     * @param taskId the task's id
     * @return the task after the change
     * @see #cancel(String, boolean)
     */
    public Task cancel(String taskId) {
        return cancel(taskId, false);
    }

    /**
     * Accepts or rejects a completed task, as in the audit UI. Not retried after a 5xx: each call adds an audit.
     *
     * @param taskId the task's id
     * @param accepted true to accept, false to reject
     * @param comments the auditor's note, or null
     */
    public void audit(String taskId, boolean accepted, String comments) {
        audit(taskId, accepted, comments, RequestOptions.none());
    }

    /**
     * Audits a task, with per-call options.
     *
     * @param taskId the task's id
     * @param accepted true to accept, false to reject
     * @param comments the auditor's note, or null
     * @param options merged on top of this service's options
     * @see #audit(String, boolean, String)
     */
    public void audit(String taskId, boolean accepted, String comments, RequestOptions options) {
        // POST /v1/task/{task_id}/audit
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("accepted", accepted);
        if (comments != null) {
            body.put("comments", comments);
        }
        ctx.call("POST", taskPath(taskId) + "/audit", options).json(body).executeText();
    }

    /**
     * Replaces the task's metadata.
     *
     * @param taskId the task's id
     * @param metadata the new metadata
     * @return the task after the change
     */
    public Task setMetadata(String taskId, Map<String, ?> metadata) {
        return setMetadata(taskId, metadata, RequestOptions.none());
    }

    /**
     * Replaces the task's metadata, with per-call options.
     *
     * @param taskId the task's id
     * @param metadata the new metadata
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #setMetadata(String, Map)
     */
    public Task setMetadata(String taskId, Map<String, ?> metadata, RequestOptions options) {
        // POST /v1/task/{task_id}/setMetadata
        return ctx.call("POST", taskPath(taskId) + "/setMetadata", options)
                .json(metadata)
                .idempotent()
                .execute(Task.class);
    }

    /**
     * Adds tags; ones already present are ignored.
     *
     * @param taskId the task's id
     * @param tags the tags to add
     * @return the task after the change
     */
    public Task addTags(String taskId, Collection<String> tags) {
        return addTags(taskId, tags, RequestOptions.none());
    }

    /**
     * Adds tags, with per-call options.
     *
     * @param taskId the task's id
     * @param tags the tags to add
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #addTags(String, Collection)
     */
    public Task addTags(String taskId, Collection<String> tags, RequestOptions options) {
        // PUT /v1/task/{task_id}/tags
        return ctx.call("PUT", taskPath(taskId) + "/tags", options)
                .json(List.copyOf(tags))
                .execute(Task.class);
    }

    /**
     * Replaces all tags.
     *
     * @param taskId the task's id
     * @param tags the new tags
     * @return the task after the change
     */
    public Task replaceTags(String taskId, Collection<String> tags) {
        return replaceTags(taskId, tags, RequestOptions.none());
    }

    /**
     * Replaces all tags, with per-call options.
     *
     * @param taskId the task's id
     * @param tags the new tags
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #replaceTags(String, Collection)
     */
    public Task replaceTags(String taskId, Collection<String> tags, RequestOptions options) {
        // POST /v1/task/{task_id}/tags
        return ctx.call("POST", taskPath(taskId) + "/tags", options)
                .json(List.copyOf(tags))
                .idempotent()
                .execute(Task.class);
    }

    /**
     * Removes tags; ones not present are ignored.
     *
     * @param taskId the task's id
     * @param tags the tags to remove
     * @return the task after the change
     */
    public Task deleteTags(String taskId, Collection<String> tags) {
        return deleteTags(taskId, tags, RequestOptions.none());
    }

    /**
     * Removes tags, with per-call options.
     *
     * @param taskId the task's id
     * @param tags the tags to remove
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #deleteTags(String, Collection)
     */
    public Task deleteTags(String taskId, Collection<String> tags, RequestOptions options) {
        // DELETE /v1/task/{task_id}/tags
        return ctx.call("DELETE", taskPath(taskId) + "/tags", options)
                .json(List.copyOf(tags))
                .execute(Task.class);
    }

    /**
     * Sets a new unique_id.
     *
     * @param taskId the task's id
     * @param uniqueId the new unique_id
     * @return the task after the change
     * @throws dev.scaletoolkit.client.error.ConflictException when another task uses it
     */
    public Task updateUniqueId(String taskId, String uniqueId) {
        return updateUniqueId(taskId, uniqueId, RequestOptions.none());
    }

    /**
     * Sets a new unique_id, with per-call options.
     *
     * @param taskId the task's id
     * @param uniqueId the new unique_id
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #updateUniqueId(String, String)
     */
    public Task updateUniqueId(String taskId, String uniqueId, RequestOptions options) {
        // POST /v1/task/{task_id}/unique_id
        return ctx.call("POST", taskPath(taskId) + "/unique_id", options)
                .json(Map.of("unique_id", uniqueId))
                .idempotent()
                .execute(Task.class);
    }

    /**
     * Removes the unique_id, so that it can be used again.
     *
     * @param taskId the task's id
     * @return the task after the change
     */
    public Task deleteUniqueId(String taskId) {
        return deleteUniqueId(taskId, RequestOptions.none());
    }

    /**
     * Removes the unique_id, with per-call options.
     *
     * @param taskId the task's id
     * @param options merged on top of this service's options
     * @return the task after the change
     * @see #deleteUniqueId(String)
     */
    public Task deleteUniqueId(String taskId, RequestOptions options) {
        // DELETE /v1/task/{task_id}/unique_id
        return ctx.call("DELETE", taskPath(taskId) + "/unique_id", options).execute(Task.class);
    }

    /**
     * Asks Scale to POST the callback of a completed or errored task again.
     *
     * @param taskId the task's id
     * @return Scale's answer
     */
    public JsonValue resendCallback(String taskId) {
        return resendCallback(taskId, RequestOptions.none());
    }

    /**
     * Asks Scale to resend a callback, with per-call options.
     *
     * @param taskId the task's id
     * @param options merged on top of this service's options
     * @return Scale's answer
     * @see #resendCallback(String)
     */
    public JsonValue resendCallback(String taskId, RequestOptions options) {
        // POST /v1/task/{task_id}/send-callback
        return ctx.call("POST", taskPath(taskId) + "/send-callback", options).execute(JsonValue.class);
    }

    /**
     * Downloads a result stored behind a secure URL. Scale may redirect to storage; the redirect is followed
     * without the API key.
     *
     * @param taskId the task's id
     * @param uuid the stored result's id
     * @return the file's bytes
     */
    public byte[] retrieveResponseFile(String taskId, String uuid) {
        return retrieveResponseFile(taskId, uuid, RequestOptions.none());
    }

    /**
     * Downloads a stored result, with per-call options.
     *
     * @param taskId the task's id
     * @param uuid the stored result's id
     * @param options merged on top of this service's options
     * @return the file's bytes
     * @see #retrieveResponseFile(String, String)
     */
    public byte[] retrieveResponseFile(String taskId, String uuid, RequestOptions options) {
        // GET /v1/task/{task_id}/response_url/{uuid}
        return ctx.api()
                .download(
                        taskPath(taskId) + "/response_url/" + ApiCaller.segment(uuid),
                        ctx.defaults().mergedWith(options));
    }

    /**
     * Polls until the task is completed, canceled or in error. Each poll uses this service's options.
     *
     * @param taskId the task's id
     * @param timeout how long to wait in all
     * @return the task in its final state
     * @throws dev.scaletoolkit.client.wait.WaitTimeoutException when {@code timeout} passes first
     */
    public Task waitFor(String taskId, Duration timeout) {
        return waitFor(taskId, timeout, RequestOptions.none());
    }

    /**
     * Polls until the task is final, with per-call options for each poll.
     *
     * @param taskId the task's id
     * @param timeout how long to wait in all
     * @param options merged on top of this service's options
     * @return the task in its final state
     * @see #waitFor(String, Duration)
     */
    public Task waitFor(String taskId, Duration timeout, RequestOptions options) {
        return Poller.create(ctx.api().options().clock(), ctx.api().options().sleeper())
                .until(
                        () -> retrieve(taskId, options),
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
