package dev.scaletoolkit.client;

import dev.scaletoolkit.client.batch.BatchServiceAsync;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.client.project.ProjectServiceAsync;
import dev.scaletoolkit.client.task.TaskServiceAsync;

/**
 * The asynchronous view of a {@link ScaleClient}: the same calls, options, retries and errors, returning
 * {@link java.util.concurrent.CompletableFuture}s sent with the JDK HttpClient's {@code sendAsync}. Retry waits
 * are scheduled, never slept on a caller's thread. A failed future carries the exception the synchronous call
 * would throw.
 *
 * <pre>{@code
 * CompletableFuture<Task> task = scale.async().tasks().retrieve(id);
 * }</pre>
 */
public final class ScaleClientAsync {
    private final ServiceContext ctx;

    ScaleClientAsync(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Tasks, asynchronously.
     *
     * @return the asynchronous task service
     */
    public TaskServiceAsync tasks() {
        return new TaskServiceAsync(ctx);
    }

    /**
     * Batches, asynchronously.
     *
     * @return the asynchronous batch service
     */
    public BatchServiceAsync batches() {
        return new BatchServiceAsync(ctx);
    }

    /**
     * Projects, asynchronously.
     *
     * @return the asynchronous project service
     */
    public ProjectServiceAsync projects() {
        return new ProjectServiceAsync(ctx);
    }
}
