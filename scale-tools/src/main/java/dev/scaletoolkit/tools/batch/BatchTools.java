package dev.scaletoolkit.tools.batch;

import static dev.scaletoolkit.tools.backend.ScaleRequest.segment;

import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Paging;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools for batches. */
public final class BatchTools {
    private BatchTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_CREATE_BATCH", BatchTools::createBatch)
                .add("SCALE_AI_GET_BATCH", BatchTools::getBatch)
                .add("SCALE_AI_GET_BATCH_STATUS", BatchTools::getBatchStatus)
                .add("SCALE_AI_FINALIZE_BATCH", BatchTools::finalizeBatch)
                .add("SCALE_AI_LIST_BATCHES", BatchTools::listBatches);
    }

    private static String batchPath(ToolCall call) {
        return "/batches/" + segment(call.string("batch_name"));
    }

    // POST /v1/batches
    static JsonNode createBatch(ToolCall call) {
        return call.send(ScaleRequest.post(
                "/batches",
                call.pick("project", "name", "callback", "calibration_batch", "self_label_batch", "metadata")));
    }

    // GET /v1/batches/{batch_name}
    static JsonNode getBatch(ToolCall call) {
        return call.send(ScaleRequest.get(batchPath(call)));
    }

    // GET /v1/batches/{batch_name}/status
    static JsonNode getBatchStatus(ToolCall call) {
        return call.send(ScaleRequest.get(batchPath(call) + "/status"));
    }

    // POST /v1/batches/{batch_name}/finalize
    static JsonNode finalizeBatch(ToolCall call) {
        return call.send(ScaleRequest.post(batchPath(call) + "/finalize", null));
    }

    // GET /v1/batches
    static JsonNode listBatches(ToolCall call) {
        JsonNode page = call.send(ScaleRequest.get("/batches")
                .query("project", call.string("project"))
                .query("status", call.string("status"))
                .query("start_time", call.string("start_time"))
                .query("end_time", call.string("end_time"))
                .query("detailed", call.has("detailed") ? call.bool("detailed", false) : null)
                .query("limit", Paging.limit(call))
                .query(
                        "offset",
                        call.has("next_token") ? Integer.valueOf(Paging.offset(call)) : call.integer("offset")));
        boolean full = call.bool("full", false) || call.bool("detailed", false);
        ObjectNode out = Shapes.listData(Shapes.docs(page), full, Shapes.BATCH_SUMMARY);
        // Scale names the count totalDocs on this endpoint; tools use one name for counts everywhere
        JsonNode total = page.has("totalDocs") ? page.get("totalDocs") : page.get("total");
        if (total != null) {
            out.set("total", total);
        }
        for (String k : new String[] {"limit", "offset", "has_more"}) {
            if (page.has(k)) {
                out.set(k, page.get(k));
            }
        }
        // the same next_token as every other listing: the offset of the next page
        int shown = out.get("docs").size();
        Integer given = call.integer("offset");
        int from = call.has("next_token") ? Paging.offset(call) : (given == null ? 0 : given);
        if (page.path("has_more").asBoolean(false) && shown > 0) {
            out.put("next_token", Paging.token(from + shown));
        } else {
            out.putNull("next_token");
        }
        return out;
    }
}
