package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.project.Ontology;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.project.Projects;
import dev.scaletoolkit.emulator.project.TaskTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

    // GET /v1/projects[?archived=true|false]: Scale answers every project in one array, so it is streamed from the
    // database row by row (at most EmulatorLimits.MAX_PROJECTS_LISTED) instead of built in memory.
    private Object list(ApiRequest req) {
        Optional<Boolean> archived = req.queryBool("archived");
        return new Reply.Stream("application/json; charset=utf-8", out -> {
            out.write('[');
            boolean[] first = {true};
            context.db()
                    .read(h ->
                            ProjectStore.forEach(h, req.caller(), archived, EmulatorLimits.MAX_PROJECTS_LISTED, doc -> {
                                try {
                                    if (!first[0]) {
                                        out.write(',');
                                    }
                                    first[0] = false;
                                    out.write(doc.getBytes(StandardCharsets.UTF_8));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }));
            out.write(']');
        });
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
