package dev.scaletoolkit.tools.workflow;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolInputException;
import dev.scaletoolkit.tools.backend.ScaleBackendException;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import dev.scaletoolkit.tools.task.TaskCreateTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Many tasks at once: creation from JSON Lines, and export of results as JSON Lines. */
public final class BulkTools {
    static final int MAX_LINES = 1000;

    private BulkTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_CREATE_TASKS_FROM_JSONL", BulkTools::createTasksFromJsonl)
                .add("SCALE_AI_EXPORT_RESULTS", BulkTools::exportResults);
    }

    /**
     * POST /v1/task/{type} once per line. Every line is parsed before the first request, so malformed input
     * creates nothing; after that, one failing task does not stop the others unless stop_on_error is set.
     */
    static JsonNode createTasksFromJsonl(ToolCall call) {
        List<ObjectNode> tasks = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<ToolError.Problem> problems = new ArrayList<>();
        String[] lines = call.string("jsonl").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = ScaleJson.mapper().readTree(lines[i]);
                if (node instanceof ObjectNode o) {
                    tasks.add(o);
                    lineNumbers.add(i + 1);
                } else {
                    problems.add(new ToolError.Problem("jsonl line " + (i + 1), "a JSON object"));
                }
            } catch (JacksonException e) {
                problems.add(
                        new ToolError.Problem("jsonl line " + (i + 1), "valid JSON (" + e.getOriginalMessage() + ")"));
            }
        }
        if (tasks.size() > MAX_LINES) {
            problems.add(new ToolError.Problem("jsonl", "at most " + MAX_LINES + " tasks, got " + tasks.size()));
        }
        if (tasks.isEmpty() && problems.isEmpty()) {
            problems.add(new ToolError.Problem("jsonl", "at least one line holding a JSON object"));
        }
        if (!problems.isEmpty()) {
            throw new ToolInputException(problems);
        }
        String type = call.string("type");
        boolean stopOnError = call.bool("stop_on_error", false);
        ArrayNode results = Shapes.array();
        int created = 0;
        int failed = 0;
        for (int i = 0; i < tasks.size(); i++) {
            ObjectNode params = tasks.get(i);
            for (String k : new String[] {"project", "batch"}) {
                if (call.has(k) && !params.has(k)) {
                    params.put(k, call.string(k));
                }
            }
            ObjectNode row = results.addObject().put("line", lineNumbers.get(i));
            try {
                JsonNode task = TaskCreateTools.create(call.backend(), type, params);
                row.put("task_id", task.path("task_id").asString());
                if (task.has("unique_id")) {
                    row.set("unique_id", task.get("unique_id"));
                }
                row.set("status", task.path("status"));
                created++;
            } catch (ScaleBackendException e) {
                ToolError error = e.status() == 0
                        ? new ToolError(e.getMessage(), ToolError.Code.NETWORK_ERROR, null, true, null, List.of())
                        : e.api()
                                .map(ToolError::fromApi)
                                .orElseGet(
                                        () -> ToolError.fromStatus(e.status(), e.getMessage(), e.retryAfterSeconds()));
                row.set("error", ScaleJson.mapper().valueToTree(error));
                failed++;
            }
            call.progress().onProgress(i + 1, (double) tasks.size(), created + " created, " + failed + " failed");
            if (failed > 0 && stopOnError) {
                break;
            }
        }
        ObjectNode out = Shapes.object().put("created", created).put("failed", failed);
        out.set("results", results);
        return out;
    }

    /** Pages through GET /v1/tasks and writes one JSON line per task. */
    static JsonNode exportResults(ToolCall call) {
        Path target = call.has("output_path") ? call.files().writable("output_path", call.string("output_path")) : null;
        if (target != null && Files.exists(target)) {
            throw new ToolInputException("output_path", "a path that does not exist yet (it will not be overwritten)");
        }
        int max = call.integer("max_tasks") == null ? 1000 : call.integer("max_tasks");
        String status = call.has("status") ? call.string("status") : "completed";
        StringBuilder jsonl = new StringBuilder();
        int count = 0;
        boolean truncated = false;
        String token = null;
        do {
            JsonNode page = call.send(ScaleRequest.get("/tasks")
                    .query("project", call.string("project"))
                    .query("batch", call.string("batch"))
                    .query("status", status)
                    .query("limit", Math.min(100, max - count))
                    .query("next_token", token));
            for (JsonNode task : Shapes.docs(page)) {
                if (count == max) {
                    truncated = true;
                    break;
                }
                jsonl.append(ScaleJson.mapper().writeValueAsString(row(task))).append('\n');
                count++;
            }
            call.progress()
                    .onProgress(
                            count, page.has("total") ? page.get("total").asDouble() : null, count + " tasks exported");
            token = page.path("has_more").asBoolean(false) && page.hasNonNull("next_token")
                    ? page.get("next_token").asString()
                    : null;
            if (token != null && count == max) {
                truncated = true;
                token = null;
            }
        } while (token != null);
        ObjectNode out = Shapes.object().put("count", count).put("truncated", truncated);
        if (target == null) {
            out.put("jsonl", jsonl.toString());
            return out;
        }
        try {
            Files.writeString(target, jsonl, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new ToolInputException("output_path", "a writable new file (" + e.getMessage() + ")");
        }
        out.put("path", target.toAbsolutePath().toString());
        return out;
    }

    private static ObjectNode row(JsonNode task) {
        ObjectNode row = Shapes.object();
        for (String k : new String[] {"task_id", "unique_id", "type", "status", "project", "batch", "completed_at"}) {
            if (task.hasNonNull(k)) {
                row.set(k, task.get(k));
            }
        }
        row.set("metadata", task.has("metadata") ? task.get("metadata") : Shapes.object());
        row.set(
                "response",
                task.has("response") ? task.get("response") : ScaleJson.mapper().nullNode());
        return row;
    }
}
