package dev.scaletoolkit.tools.studio;

import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Paging;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools for Scale Studio: project assignments and batch priorities. */
public final class StudioTools {
    private StudioTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_GET_STUDIO_ASSIGNMENTS", StudioTools::getStudioAssignments)
                .add("SCALE_AI_ADD_STUDIO_ASSIGNMENTS", StudioTools::addStudioAssignments)
                .add("SCALE_AI_REMOVE_STUDIO_ASSIGNMENTS", StudioTools::removeStudioAssignments)
                .add("SCALE_AI_GET_STUDIO_BATCHES", StudioTools::getStudioBatches)
                .add("SCALE_AI_SET_BATCH_PRIORITIES", StudioTools::setBatchPriorities)
                .add("SCALE_AI_RESET_BATCH_PRIORITIES", StudioTools::resetBatchPriorities);
    }

    // GET /v1/studio/assignments
    static JsonNode getStudioAssignments(ToolCall call) {
        return assignments(call.send(ScaleRequest.get("/studio/assignments")));
    }

    // POST /v1/studio/assignments/add
    static JsonNode addStudioAssignments(ToolCall call) {
        return assignments(call.send(ScaleRequest.post("/studio/assignments/add", call.pick("emails", "projects"))));
    }

    // POST /v1/studio/assignments/remove
    static JsonNode removeStudioAssignments(ToolCall call) {
        return assignments(call.send(ScaleRequest.post("/studio/assignments/remove", call.pick("emails", "projects"))));
    }

    // GET /v1/studio/batches
    static JsonNode getStudioBatches(ToolCall call) {
        JsonNode all = studioBatches(call, call.send(ScaleRequest.get("/studio/batches")));
        return all instanceof ObjectNode o && o.get("docs") instanceof tools.jackson.databind.node.ArrayNode
                ? Paging.local(o, call)
                : all;
    }

    // POST /v1/studio/batches/set_priorities
    static JsonNode setBatchPriorities(ToolCall call) {
        return studioBatches(
                call, call.send(ScaleRequest.post("/studio/batches/set_priorities", call.pick("batches"))));
    }

    // POST /v1/studio/batches/reset_priorities (Scale's SDK sends no body; a groups filter is passed on if given)
    static JsonNode resetBatchPriorities(ToolCall call) {
        ObjectNode body = call.has("groups") ? call.pick("groups") : null;
        return studioBatches(call, call.send(ScaleRequest.post("/studio/batches/reset_priorities", body)));
    }

    private static ObjectNode assignments(JsonNode answer) {
        ObjectNode out = Shapes.object();
        out.set("assignments", answer.isObject() && answer.has("assignments") ? answer.get("assignments") : answer);
        return out;
    }

    private static ObjectNode studioBatches(ToolCall call, JsonNode answer) {
        return Shapes.listData(Shapes.docs(answer), call.bool("full", false), Shapes.STUDIO_BATCH_SUMMARY);
    }
}
