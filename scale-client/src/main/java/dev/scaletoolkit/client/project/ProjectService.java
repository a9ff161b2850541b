package dev.scaletoolkit.client.project;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.model.project.Project;
import dev.scaletoolkit.model.project.TaskTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Projects: create, read, list, default params, ontology and task template. */
public final class ProjectService {
    private static final TypeReference<List<Project>> PROJECTS = new TypeReference<>() {};
    private final ApiCaller api;
    private final RequestOptions defaults;

    public ProjectService(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    public ProjectService withOptions(RequestOptions options) {
        return new ProjectService(api, options);
    }

    /** Creates a project; 409 when the name is taken. */
    public Project create(ProjectCreateParams params) {
        // POST /v1/projects
        return api.call("POST", "/projects")
                .json(params.body())
                .options(defaults)
                .execute(Project.class);
    }

    public Project retrieve(String name) {
        // GET /v1/projects/{project_name}
        return api.call("GET", path(name)).options(defaults).execute(Project.class);
    }

    /** All projects; {@code archived} null lists both archived and active ones. */
    public List<Project> list(Boolean archived) {
        // GET /v1/projects
        return api.call("GET", "/projects")
                .query("archived", archived)
                .options(defaults)
                .execute(PROJECTS);
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
        return api.call("POST", path(name) + "/setParams")
                .json(body)
                .options(defaults)
                .execute(Project.class);
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
        return api.call("POST", path(name) + "/setOntology")
                .json(body)
                .options(defaults)
                .execute(Project.class);
    }

    public TaskTemplate retrieveTaskTemplate(String name) {
        // GET /v1/projects/{project_name}/taskTemplates
        return api.call("GET", path(name) + "/taskTemplates").options(defaults).execute(TaskTemplate.class);
    }

    private static String path(String name) {
        return "/projects/" + ApiCaller.segment(name);
    }
}
