package dev.scaletoolkit.client;

import dev.scaletoolkit.client.batch.BatchService;
import dev.scaletoolkit.client.file.FileService;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.client.project.ProjectService;
import dev.scaletoolkit.client.quality.QualityService;
import dev.scaletoolkit.client.studio.StudioService;
import dev.scaletoolkit.client.task.TaskService;
import dev.scaletoolkit.client.team.TeamService;

/**
 * The entry point: one instance per API key, thread-safe, with a service per resource.
 *
 * <pre>{@code
 * ScaleClient scale = ScaleClient.create("live_...");
 * Task task = scale.tasks().retrieve("5c84d0fe958593004f13e5ba");
 * }</pre>
 */
public final class ScaleClient implements AutoCloseable {
    private final ApiCaller api;
    private final RequestOptions defaults;

    private ScaleClient(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    public static ScaleClient create(ClientOptions options) {
        return new ScaleClient(new ApiCaller(options), RequestOptions.none());
    }

    /** A client for Scale's production API with default timeouts and retries. */
    public static ScaleClient create(String apiKey) {
        return create(ClientOptions.builder().apiKey(apiKey).build());
    }

    /** A client whose calls all use {@code options} (another key, a timeout…); shares the connection pool. */
    public ScaleClient withOptions(RequestOptions options) {
        return new ScaleClient(api, options);
    }

    public ClientOptions options() {
        return api.options();
    }

    public TaskService tasks() {
        return new TaskService(api, defaults);
    }

    public BatchService batches() {
        return new BatchService(api, defaults);
    }

    public ProjectService projects() {
        return new ProjectService(api, defaults);
    }

    public FileService files() {
        return new FileService(api, defaults);
    }

    public StudioService studio() {
        return new StudioService(api, defaults);
    }

    public TeamService teams() {
        return new TeamService(api, defaults);
    }

    public QualityService quality() {
        return new QualityService(api, defaults);
    }

    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "ScaleClient[" + api.options() + "]";
    }
}
