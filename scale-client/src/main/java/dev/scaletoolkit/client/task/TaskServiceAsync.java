package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link TaskService}'s calls without blocking. Each returns at once; the future completes with the answer or
 * fails with the exception the synchronous call would throw.
 */
public final class TaskServiceAsync {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClientAsync#tasks()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public TaskServiceAsync(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy with options changed from the current ones.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public TaskServiceAsync withOptions(Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new TaskServiceAsync(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * Creates a task.
     *
     * @param params the task
     * @return the created task
     * @see TaskService#create(TaskCreateParams)
     */
    public CompletableFuture<Task> create(TaskCreateParams params) {
        // POST /v1/task/{type}
        return ctx.call("POST", "/task/" + ApiCaller.segment(params.type().value()))
                .json(params.body())
                .createUniqueId(params.uniqueId().orElse(null))
                .executeAsync(Task.class);
    }

    /**
     * Fetches a task.
     *
     * @param taskId the task's id
     * @return the task
     * @see TaskService#retrieve(String)
     */
    public CompletableFuture<Task> retrieve(String taskId) {
        // GET /v1/task/{task_id}
        return ctx.call("GET", TaskService.taskPath(taskId)).executeAsync(Task.class);
    }

    /**
     * One page of tasks.
     *
     * @param params filters and the page cursor
     * @return the page
     * @see TaskService#list(TaskListParams)
     */
    public CompletableFuture<TaskList> list(TaskListParams params) {
        // GET /v1/tasks
        ApiCaller.Call call = ctx.call("GET", "/tasks");
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.executeAsync(TaskList.class);
    }

    /**
     * Cancels a pending task.
     *
     * @param taskId the task's id
     * @return the task after the change
     * @see TaskService#cancel(String)
     */
    public CompletableFuture<Task> cancel(String taskId) {
        // POST /v1/task/{task_id}/cancel
        return ctx.call("POST", TaskService.taskPath(taskId) + "/cancel")
                .idempotent()
                .executeAsync(Task.class);
    }

    /**
     * Replaces the task's metadata.
     *
     * @param taskId the task's id
     * @param metadata the new metadata
     * @return the task after the change
     * @see TaskService#setMetadata(String, Map)
     */
    public CompletableFuture<Task> setMetadata(String taskId, Map<String, ?> metadata) {
        // POST /v1/task/{task_id}/setMetadata
        return ctx.call("POST", TaskService.taskPath(taskId) + "/setMetadata")
                .json(metadata)
                .idempotent()
                .executeAsync(Task.class);
    }
}
