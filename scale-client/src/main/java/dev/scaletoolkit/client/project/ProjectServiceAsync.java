package dev.scaletoolkit.client.project;

import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.model.project.Project;
import java.util.concurrent.CompletableFuture;

/** {@link ProjectService}'s calls without blocking; a failed future carries the synchronous call's exception. */
public final class ProjectServiceAsync {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClientAsync#projects()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public ProjectServiceAsync(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates a project.
     *
     * @param params the project
     * @return the created project
     * @see ProjectService#create(ProjectCreateParams)
     */
    public CompletableFuture<Project> create(ProjectCreateParams params) {
        // POST /v1/projects
        return ctx.call("POST", "/projects").json(params.body()).executeAsync(Project.class);
    }

    /**
     * Fetches a project.
     *
     * @param name the project name
     * @return the project
     * @see ProjectService#retrieve(String)
     */
    public CompletableFuture<Project> retrieve(String name) {
        // GET /v1/projects/{project_name}
        return ctx.call("GET", "/projects/" + ApiCaller.segment(name)).executeAsync(Project.class);
    }
}
