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

    /** Creates a project; 409 when the name is taken. */
    public Project create(ProjectCreateParams params) {
        // POST /v1/projects
        return ctx.call("POST", "/projects").json(params.body()).execute(Project.class);
    }

    public Project retrieve(String name) {
        // GET /v1/projects/{project_name}
        return ctx.call("GET", path(name)).execute(Project.class);
    }

    /** All projects; {@code archived} null lists both archived and active ones. */
    public List<Project> list(Boolean archived) {
        // GET /v1/projects
        return ctx.call("GET", "/projects").query("archived", archived).execute(PROJECTS);
    }

    public List<Project> list() {
        return list(null);
    }

    /**
     * Sets the default task params (a new {@code param_history} version). With {@code patch} they are merged into
     * the latest version instead of replacing it. Not retried: each call adds a version.
     */
    public Project setParams(String name, Map<String, ?> params, boolean patch) {
        // POST /v1/projects/{project_name}/setParams
        Map<String, Object> body = new LinkedHashMap<>(params);
        body.put("patch", patch);
        return ctx.call("POST", path(name) + "/setParams").json(body).execute(Project.class);
    }

    /**
     * Sets the ontology: label names or {@link dev.scaletoolkit.client.task.LabelDescription}s, unique across the
     * whole ontology; {@code ontologyName} labels the version.
     */
    public Project setOntology(String name, List<?> ontology, String ontologyName) {
        // POST /v1/projects/{project_name}/setOntology
        if (ontology == null || ontology.isEmpty()) {
            throw new IllegalArgumentException("setOntology: 'ontology' needs at least one choice");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ontology", ontology);
        if (ontologyName != null) {
            body.put("name", ontologyName);
        }
        return ctx.call("POST", path(name) + "/setOntology").json(body).execute(Project.class);
    }

    public TaskTemplate retrieveTaskTemplate(String name) {
        // GET /v1/projects/{project_name}/taskTemplates
        return ctx.call("GET", path(name) + "/taskTemplates").execute(TaskTemplate.class);
    }

    private static String path(String name) {
        return "/projects/" + ApiCaller.segment(name);
    }
}
