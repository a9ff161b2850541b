package dev.scaletoolkit.client.project;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.model.json.RecordCodec;
import dev.scaletoolkit.model.project.Project;
import dev.scaletoolkit.model.project.TaskTemplate;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Projects: create, read, list, default params, ontology and task template. */
public final class ProjectService {
    private static final Type PROJECTS = RecordCodec.listOf(Project.class);
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#projects()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public ProjectService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy whose calls use these options on top of the current ones (unset settings keep their value).
     *
     * @param options the settings to change
     * @return the changed copy
     */
    public ProjectService withOptions(RequestOptions options) {
        return new ProjectService(ctx.with(options));
    }

    /**
     * A copy with options changed from the current ones, e.g. {@code withOptions(o -> o.maxRetries(0))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public ProjectService withOptions(java.util.function.Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new ProjectService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<ProjectService> withRawResponse() {
        return new RawResponseView<>(observer -> new ProjectService(ctx.observing(observer)));
    }

    /**
     * Creates a project. Not retried after a 5xx (a lost answer would come back as a 409); 429 is retried.
     *
     * @param params the project
     * @return the created project
     * @throws dev.scaletoolkit.client.error.ConflictException when the name is taken
     */
    public Project create(ProjectCreateParams params) {
        return create(params, RequestOptions.none());
    }

    /**
     * Creates a project, with per-call options.
     *
     * @param params the project
     * @param options merged on top of this service's options
     * @return the created project
     * @see #create(ProjectCreateParams)
     */
    public Project create(ProjectCreateParams params, RequestOptions options) {
        // POST /v1/projects
        return ctx.call("POST", "/projects", options).json(params.body()).execute(Project.class);
    }

    /**
     * Fetches a project.
     *
     * @param name the project name
     * @return the project
     * @throws dev.scaletoolkit.client.error.NotFoundException when this key has no such project
     */
    public Project retrieve(String name) {
        return retrieve(name, RequestOptions.none());
    }

    /**
     * Fetches a project, with per-call options.
     *
     * @param name the project name
     * @param options merged on top of this service's options
     * @return the project
     * @see #retrieve(String)
     */
    public Project retrieve(String name, RequestOptions options) {
        // GET /v1/projects/{project_name}
        return ctx.call("GET", path(name), options).execute(Project.class);
    }

    /**
     * Lists projects.
     *
     * @param archived true for archived ones only, false for active ones only, null for both
     * @return the projects
     */
    public List<Project> list(Boolean archived) {
        return list(archived, RequestOptions.none());
    }

    /**
     * Lists projects, with per-call options.
     *
     * @param archived true for archived ones only, false for active ones only, null for both
     * @param options merged on top of this service's options
     * @return the projects
     * @see #list(Boolean)
     */
    public List<Project> list(Boolean archived, RequestOptions options) {
        // GET /v1/projects
        return ctx.call("GET", "/projects", options).query("archived", archived).execute(PROJECTS);
    }

    /**
     * Lists every project, archived or not.
     *
     * @return the projects
     */
    public List<Project> list() {
        return list(null, RequestOptions.none());
    }

    /**
     * Sets the default task params (a new {@code param_history} version). With {@code patch} they are merged into
     * the latest version instead of replacing it. Not retried after a 5xx: each call adds a version.
     *
     * @param name the project name
     * @param params the params, as Scale names them ({@code instruction}, {@code geometries}…)
     * @param patch merge into the latest version rather than replace it
     * @return the project with its new version
     */
    public Project setParams(String name, Map<String, ?> params, boolean patch) {
        return setParams(name, params, patch, RequestOptions.none());
    }

    /**
     * Sets the default task params, with per-call options.
     *
     * @param name the project name
     * @param params the params
     * @param patch merge into the latest version rather than replace it
     * @param options merged on top of this service's options
     * @return the project with its new version
     * @see #setParams(String, Map, boolean)
     */
    public Project setParams(String name, Map<String, ?> params, boolean patch, RequestOptions options) {
        // POST /v1/projects/{project_name}/setParams
        Map<String, Object> body = new LinkedHashMap<>(params);
        body.put("patch", patch);
        return ctx.call("POST", path(name) + "/setParams", options).json(body).execute(Project.class);
    }

    /**
     * Sets the ontology: label names or {@link dev.scaletoolkit.client.task.LabelDescription}s, unique across the
     * whole ontology.
     *
     * @param name the project name
     * @param ontology at least one choice
     * @param ontologyName labels this version; may be null
     * @return the project
     */
    public Project setOntology(String name, List<?> ontology, String ontologyName) {
        return setOntology(name, ontology, ontologyName, RequestOptions.none());
    }

    /**
     * Sets the ontology, with per-call options.
     *
     * @param name the project name
     * @param ontology at least one choice
     * @param ontologyName labels this version; may be null
     * @param options merged on top of this service's options
     * @return the project
     * @see #setOntology(String, List, String)
     */
    public Project setOntology(String name, List<?> ontology, String ontologyName, RequestOptions options) {
        // POST /v1/projects/{project_name}/setOntology
        if (ontology == null || ontology.isEmpty()) {
            throw new IllegalArgumentException("setOntology: 'ontology' needs at least one choice");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ontology", ontology);
        if (ontologyName != null) {
            body.put("name", ontologyName);
        }
        return ctx.call("POST", path(name) + "/setOntology", options).json(body).execute(Project.class);
    }

    /**
     * The project's task template (Scale answers with an error for a project type that has none).
     *
     * @param name the project name
     * @return the template
     */
    public TaskTemplate retrieveTaskTemplate(String name) {
        return retrieveTaskTemplate(name, RequestOptions.none());
    }

    /**
     * The project's task template, with per-call options.
     *
     * @param name the project name
     * @param options merged on top of this service's options
     * @return the template
     * @see #retrieveTaskTemplate(String)
     */
    public TaskTemplate retrieveTaskTemplate(String name, RequestOptions options) {
        // GET /v1/projects/{project_name}/taskTemplates
        return ctx.call("GET", path(name) + "/taskTemplates", options).execute(TaskTemplate.class);
    }

    private static String path(String name) {
        return "/projects/" + ApiCaller.segment(name);
    }
}
