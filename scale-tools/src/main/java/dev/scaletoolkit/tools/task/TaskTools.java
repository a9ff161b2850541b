package dev.scaletoolkit.tools.task;

import static dev.scaletoolkit.tools.backend.ScaleRequest.segment;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Paging;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.ToolInputException;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools that read or change existing tasks. */
public final class TaskTools {
    private TaskTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_GET_TASK", TaskTools::getTask)
                .add("SCALE_AI_GET_V1_TASK", TaskTools::getTask)
                .add("SCALE_AI_LIST_TASKS", TaskTools::listTasks)
                .add("SCALE_AI_ADD_TASK_TAGS", TaskTools::addTaskTags)
                .add("SCALE_AI_DELETE_TASK_TAGS", TaskTools::deleteTaskTags)
                .add("SCALE_AI_DELETE_TASK_UNIQUE_ID", TaskTools::deleteTaskUniqueId)
                .add("SCALE_AI_UPDATE_TASK_UNIQUE_ID", TaskTools::updateTaskUniqueId)
                .add("SCALE_AI_SET_TASK_METADATA", TaskTools::setTaskMetadata)
                .add("SCALE_AI_POST_V1_TASK_SEND_CALLBACK", TaskTools::postV1TaskSendCallback)
                .add("SCALE_AI_GET_V1_TASK_RESPONSE_URL", TaskTools::getV1TaskResponseUrl)
                .add("SCALE_AI_CANCEL_TASK", TaskTools::cancelTask)
                .add("SCALE_AI_AUDIT_TASK", TaskTools::auditTask)
                .add("SCALE_AI_GET_FIXLESS_AUDITS", TaskTools::getFixlessAudits);
    }

    private static String taskPath(ToolCall call) {
        return "/task/" + segment(call.string("task_id"));
    }

    // GET /v1/task/{task_id}
    static JsonNode getTask(ToolCall call) {
        return call.send(ScaleRequest.get(taskPath(call)));
    }

    // GET /v1/tasks
    static JsonNode listTasks(ToolCall call) {
        ScaleRequest request = ScaleRequest.get("/tasks")
                .query("project", call.string("project"))
                .query("batch", call.string("batch"))
                .query("type", call.string("type"))
                .queryAll("status", call.strings("status"))
                .queryAll("unique_id", call.strings("unique_id"))
                .queryAll("tags", call.strings("tags"))
                .query("start_time", call.string("start_time"))
                .query("end_time", call.string("end_time"))
                .query("updated_after", call.string("updated_after"))
                .query("updated_before", call.string("updated_before"))
                .query("completed_after", call.string("completed_after"))
                .query("completed_before", call.string("completed_before"))
                .query(
                        "include_attachment_url",
                        call.has("include_attachment_url") ? call.bool("include_attachment_url", false) : null)
                .query("limit", Paging.limit(call))
                .query("next_token", call.string("next_token"));
        if (call.has("customer_review_status")) {
            // Scale reads several review states as one comma-separated value
            request = request.query("customer_review_status", String.join(",", call.strings("customer_review_status")));
        }
        JsonNode page = call.send(request);
        boolean full = call.bool("full", false);
        ObjectNode out = Shapes.listData(Shapes.docs(page), full, Shapes.TASK_SUMMARY);
        copy(page, out, "total", "limit", "has_more");
        out.set(
                "next_token",
                page.hasNonNull("next_token")
                        ? page.get("next_token")
                        : ScaleJson.mapper().nullNode());
        return out;
    }

    // PUT /v1/task/{task_id}/tags with a bare array: adds, skipping tags already present
    static JsonNode addTaskTags(ToolCall call) {
        return call.send(ScaleRequest.put(taskPath(call) + "/tags", call.node("tags")));
    }

    // DELETE /v1/task/{task_id}/tags with a bare array
    static JsonNode deleteTaskTags(ToolCall call) {
        return call.send(ScaleRequest.delete(taskPath(call) + "/tags", call.node("tags")));
    }

    // DELETE /v1/task/{task_id}/unique_id
    static JsonNode deleteTaskUniqueId(ToolCall call) {
        return call.send(ScaleRequest.delete(taskPath(call) + "/unique_id", null));
    }

    // POST /v1/task/{task_id}/unique_id
    static JsonNode updateTaskUniqueId(ToolCall call) {
        return call.send(ScaleRequest.post(taskPath(call) + "/unique_id", call.pick("unique_id")));
    }

    // POST /v1/task/{task_id}/setMetadata with the metadata object itself as the body
    static JsonNode setTaskMetadata(ToolCall call) {
        return call.send(ScaleRequest.post(taskPath(call) + "/setMetadata", call.node("metadata")));
    }

    // POST /v1/task/{task_id}/send-callback
    static JsonNode postV1TaskSendCallback(ToolCall call) {
        JsonNode answer = call.send(ScaleRequest.post(taskPath(call) + "/send-callback", null));
        ObjectNode out = answer instanceof ObjectNode o ? o : Shapes.object();
        if (!(answer instanceof ObjectNode)) {
            out.put("task_id", call.string("task_id")).put("resent", true);
        }
        return out;
    }

    // GET /v1/task/{task_id}/response_url/{uuid}: the stored result file (Scale may redirect to storage)
    static JsonNode getV1TaskResponseUrl(ToolCall call) {
        ScaleBackend.Download file =
                call.backend().download(taskPath(call) + "/response_url/" + segment(call.string("uuid")));
        String type = file.contentType().toLowerCase(Locale.ROOT);
        ObjectNode out = Shapes.object();
        out.put("content_type", file.contentType()).put("size", file.content().length);
        if (type.contains("json")) {
            try {
                out.put("encoding", "json");
                out.set("content", ScaleJson.mapper().readTree(file.content()));
                return out;
            } catch (JacksonException notJson) {
                // fall through and return it as text
            }
        }
        if (type.startsWith("text/") || type.contains("json") || type.contains("xml")) {
            out.put("encoding", "text").put("content", new String(file.content(), StandardCharsets.UTF_8));
        } else {
            out.put("encoding", "base64").put("content", Base64.getEncoder().encodeToString(file.content()));
        }
        return out;
    }

    // POST /v1/task/{task_id}/cancel[?clear_unique_id=true]
    static JsonNode cancelTask(ToolCall call) {
        ScaleRequest request = ScaleRequest.post(taskPath(call) + "/cancel", null);
        if (call.bool("clear_unique_id", false)) {
            request = request.query("clear_unique_id", "true");
        }
        return call.send(request);
    }

    // POST /v1/task/{task_id}/audit; Scale answers a plain "OK"
    static JsonNode auditTask(ToolCall call) {
        JsonNode answer = call.send(ScaleRequest.post(taskPath(call) + "/audit", call.pick("accepted", "comments")));
        ObjectNode out =
                Shapes.object().put("task_id", call.string("task_id")).put("accepted", call.bool("accepted", false));
        if (call.has("comments")) {
            out.put("comments", call.string("comments"));
        }
        out.set("result", answer);
        return out;
    }

    // GET /v1/audits?task_id=&id=
    static JsonNode getFixlessAudits(ToolCall call) {
        if (!call.has("task_id") && !call.has("id")) {
            throw new ToolInputException("task_id", "give task_id or id (at least one)");
        }
        JsonNode answer = call.send(ScaleRequest.get("/audits")
                .query("task_id", call.string("task_id"))
                .query("id", call.string("id")));
        ArrayNode docs = Shapes.docs(answer);
        if (docs.isEmpty() && answer.isObject() && answer.has("id")) {
            docs = Shapes.array().add(answer);
        }
        return Shapes.listData(docs, true);
    }

    static void copy(JsonNode from, ObjectNode to, String... keys) {
        for (String k : keys) {
            if (from.has(k)) {
                to.set(k, from.get(k));
            }
        }
    }
}
