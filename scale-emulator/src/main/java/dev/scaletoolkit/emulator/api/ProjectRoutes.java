package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.JsonStream;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.project.Projects;
import java.util.Optional;

/** Projects under {@code /v1/projects}: create, list, read, version params and ontologies, task templates. */
public final class ProjectRoutes implements Routes {
    private final Projects projects;

    public ProjectRoutes(Projects projects) {
        this.projects = projects;
    }

    @Override
    public void register(Router router) {
        router.post("/projects", req -> projects.create(req.caller(), req.bodyObject()));
        router.get("/projects", this::list);
        router.get("/projects/{name}", req -> projects.retrieve(req.caller(), req.path("name")));
        router.post(
                "/projects/{name}/setParams",
                req -> projects.setParams(req.caller(), req.path("name"), req.bodyObject()));
        router.post(
                "/projects/{name}/setOntology",
                req -> projects.setOntology(req.caller(), req.path("name"), req.bodyObject()));
        router.get("/projects/{name}/taskTemplates", req -> projects.taskTemplate(req.caller(), req.path("name")));
    }

    // GET /v1/projects[?archived=true|false]: Scale answers every project in one array, so it is streamed from the
    // database row by row (at most Projects.list bounds) instead of built in memory.
    private Object list(ApiRequest req) {
        Optional<Boolean> archived = req.queryBool("archived");
        return JsonStream.array(each -> projects.list(req.caller(), archived, each));
    }
}
