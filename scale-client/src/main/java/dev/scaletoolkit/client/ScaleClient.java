package dev.scaletoolkit.client;

import dev.scaletoolkit.client.batch.BatchService;
import dev.scaletoolkit.client.file.FileService;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.client.project.ProjectService;
import dev.scaletoolkit.client.quality.QualityService;
import dev.scaletoolkit.client.studio.StudioService;
import dev.scaletoolkit.client.task.TaskService;
import dev.scaletoolkit.client.team.TeamService;
import java.util.function.Consumer;

/**
 * The entry point: one instance per application, thread-safe, with a service per resource. Services are cheap
 * views; they share the client's connection pool.
 *
 * <pre>{@code
 * try (ScaleClient scale = ScaleClient.fromEnv()) {          // SCALE_API_KEY, SCALE_BASE_URL
 *     Task task = scale.tasks().retrieve("5c84d0fe958593004f13e5ba");
 * }
 * }</pre>
 */
public final class ScaleClient implements AutoCloseable {
    private final ApiCaller api;
    private final RequestOptions defaults;

    private ScaleClient(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    /**
     * A client with these options.
     *
     * @param options key, base URL, timeouts and retry policy
     * @return the client; close it to release its connections
     */
    public static ScaleClient create(ClientOptions options) {
        return new ScaleClient(new ApiCaller(options), RequestOptions.none());
    }

    /**
     * A client for Scale's production API with default timeouts and retries.
     *
     * @param apiKey a {@code live_…} or {@code test_…} key
     * @return the client
     */
    public static ScaleClient create(String apiKey) {
        return create(ClientOptions.builder().apiKey(apiKey).build());
    }

    /**
     * A client configured from the environment: {@code SCALE_API_KEY} (required) and {@code SCALE_BASE_URL}
     * (optional, e.g. {@code http://127.0.0.1:8790/v1} for the emulator).
     *
     * @return the client
     * @throws IllegalArgumentException naming {@code SCALE_API_KEY} when it is not set
     */
    public static ScaleClient fromEnv() {
        return create(ClientOptions.fromEnv().build());
    }

    /**
     * A client whose calls use these options on top of the current ones; unset settings (the key in particular)
     * keep their value. Shares the connection pool.
     *
     * @param options the settings to change
     * @return the changed client; closing either closes the shared pool
     */
    public ScaleClient withOptions(RequestOptions options) {
        return new ScaleClient(api, defaults.mergedWith(options));
    }

    /**
     * A client with options changed from the current ones, e.g. {@code withOptions(o -> o.apiKey(testKey))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed client
     */
    public ScaleClient withOptions(Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = defaults.toBuilder();
        change.accept(b);
        return new ScaleClient(api, b.build());
    }

    /**
     * The client's configuration.
     *
     * @return the options it was created with
     */
    public ClientOptions options() {
        return api.options();
    }

    /**
     * The per-call options every service of this client starts from.
     *
     * @return the options set through {@link #withOptions}
     */
    public RequestOptions requestOptions() {
        return defaults;
    }

    /**
     * A call to any route, for routes without a typed method. This is the supported generic entry point.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, already percent-encoded (see {@link #pathSegment(String)})
     * @return the call to complete and send
     */
    public GenericCall call(String method, String path) {
        return new GenericCall(context().call(method, path));
    }

    /**
     * Percent-encodes one path segment (a project, batch or group name) for {@link #call(String, String)}.
     *
     * @param name the raw name
     * @return the encoded segment
     */
    public static String pathSegment(String name) {
        return ApiCaller.segment(name);
    }

    /**
     * Tasks.
     *
     * @return the task service with this client's options
     */
    public TaskService tasks() {
        return new TaskService(context());
    }

    /**
     * Batches.
     *
     * @return the batch service with this client's options
     */
    public BatchService batches() {
        return new BatchService(context());
    }

    /**
     * Projects.
     *
     * @return the project service with this client's options
     */
    public ProjectService projects() {
        return new ProjectService(context());
    }

    /**
     * Files.
     *
     * @return the file service with this client's options
     */
    public FileService files() {
        return new FileService(context());
    }

    /**
     * Studio.
     *
     * @return the studio service with this client's options
     */
    public StudioService studio() {
        return new StudioService(context());
    }

    /**
     * Teams.
     *
     * @return the team service with this client's options
     */
    public TeamService teams() {
        return new TeamService(context());
    }

    /**
     * Quality.
     *
     * @return the quality service with this client's options
     */
    public QualityService quality() {
        return new QualityService(context());
    }

    /**
     * The same services returning {@link java.util.concurrent.CompletableFuture}s, on the JDK HttpClient's
     * asynchronous send.
     *
     * @return the asynchronous view of this client
     */
    public ScaleClientAsync async() {
        return new ScaleClientAsync(context());
    }

    private ServiceContext context() {
        return new ServiceContext(api, defaults, null);
    }

    /** Closes the connection pool; services of this client stop working. */
    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "ScaleClient[" + api.options() + "]";
    }
}
