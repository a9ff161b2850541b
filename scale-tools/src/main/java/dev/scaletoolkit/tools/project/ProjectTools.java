package dev.scaletoolkit.tools.project;

import static dev.scaletoolkit.tools.backend.ScaleRequest.segment;

import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Paging;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools for projects. */
public final class ProjectTools {
    private ProjectTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_LIST_PROJECTS", ProjectTools::listProjects)
                .add("SCALE_AI_GET_PROJECT", ProjectTools::getProject)
                .add("SCALE_AI_CREATE_PROJECT", ProjectTools::createProject)
                .add("SCALE_AI_SET_PROJECT_PARAMS", ProjectTools::setProjectParams)
                .add("SCALE_AI_SET_PROJECT_ONTOLOGY", ProjectTools::setProjectOntology);
    }

    // GET /v1/projects[?archived=]
    static JsonNode listProjects(ToolCall call) {
        JsonNode answer = call.send(ScaleRequest.get("/projects")
                .query("archived", call.has("archived") ? call.bool("archived", false) : null));
        ArrayNode docs = Shapes.docs(answer);
        // Scale returns every project at once; an agent gets them a page at a time
        return Paging.local(Shapes.listData(docs, call.bool("full", false), Shapes.PROJECT_SUMMARY), call);
    }

    // GET /v1/projects/{name}
    static JsonNode getProject(ToolCall call) {
        return call.send(ScaleRequest.get("/projects/" + segment(call.string("name"))));
    }

    // POST /v1/projects
    static JsonNode createProject(ToolCall call) {
        return call.send(ScaleRequest.post(
                "/projects", call.pick("type", "name", "params", "rapid", "studio", "pipeline", "consensus_attempts")));
    }

    // POST /v1/projects/{name}/setParams: the default task parameters travel at the top level of the body
    static JsonNode setProjectParams(ToolCall call) {
        ObjectNode body = call.has("params") ? (ObjectNode) call.node("params").deepCopy() : Shapes.object();
        body.setAll(call.pick("instruction", "priority", "patch"));
        return call.send(ScaleRequest.post("/projects/" + segment(call.string("name")) + "/setParams", body));
    }

    // POST /v1/projects/{name}/setOntology; the version label is "name" on the wire
    static JsonNode setProjectOntology(ToolCall call) {
        ObjectNode body = call.pick("ontology");
        if (call.has("ontology_name")) {
            body.put("name", call.string("ontology_name"));
        }
        return call.send(ScaleRequest.post("/projects/" + segment(call.string("project_name")) + "/setOntology", body));
    }
}
