package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.project.Ontology;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.project.Projects;
import dev.scaletoolkit.emulator.project.TaskTemplates;
import dev.scaletoolkit.model.jackson.ScaleJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Projects under {@code /v1/projects}: create, list, read, version params and ontologies, task templates. */
public final class ProjectRoutes implements Routes {
    private final EmulatorContext context;
    private final Projects projects;
    private final Ontology ontology;

    public ProjectRoutes(EmulatorContext context) {
        this.context = context;
        this.projects = new Projects(context);
        this.ontology = new Ontology(context);
    }

    @Override
    public void register(Router router) {
        router.post("/projects", this::create);
        router.get("/projects", this::list);
        router.get("/projects/{name}", this::retrieve);
        router.post("/projects/{name}/setParams", this::setParams);
        router.post("/projects/{name}/setOntology", this::setOntology);
        router.get("/projects/{name}/taskTemplates", this::taskTemplate);
    }

    // POST /v1/projects
    private Object create(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> projects.create(h, req.caller(), body));
    }

    // GET /v1/projects[?archived=true|false]
    private Object list(ApiRequest req) {
        ArrayNode out = ScaleJson.mapper().createArrayNode();
        context.db()
                .read(h -> ProjectStore.list(h, req.caller(), req.queryBool("archived")))
                .forEach(out::add);
        return out;
    }

    // GET /v1/projects/{name}
    private Object retrieve(ApiRequest req) {
        return context.db().read(h -> ProjectStore.require(h, req.caller(), req.path("name")));
    }

    // POST /v1/projects/{name}/setParams
    private Object setParams(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> projects.setParams(h, req.caller(), req.path("name"), body));
    }

    // POST /v1/projects/{name}/setOntology
    private Object setOntology(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> ontology.set(h, req.caller(), req.path("name"), body));
    }

    // GET /v1/projects/{name}/taskTemplates
    private Object taskTemplate(ApiRequest req) {
        return context.db()
                .read(h -> TaskTemplates.of(req.caller(), ProjectStore.require(h, req.caller(), req.path("name"))));
    }
}
