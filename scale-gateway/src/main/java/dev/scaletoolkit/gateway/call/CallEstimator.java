package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.gateway.budget.Estimate;
import dev.scaletoolkit.gateway.budget.PriceTable;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import dev.scaletoolkit.tools.task.TaskCreateTools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How many tasks a call would create, of which type, in which project, and what they would cost. Only the task
 * creation tools and bulk creation create tasks; everything else estimates nothing.
 */
final class CallEstimator {
    static final String BULK = "SCALE_AI_CREATE_TASKS_FROM_JSONL";

    private final PriceTable prices;

    CallEstimator(PriceTable prices) {
        this.prices = prices;
    }

    static boolean createsTasks(String slug) {
        return TaskCreateTools.TYPES.containsKey(slug) || TaskCreateTools.ANY_TYPE.equals(slug) || BULK.equals(slug);
    }

    Estimate estimate(String slug, ObjectNode args, ScaleBackend backend) {
        String type;
        int tasks;
        String project = text(args, "project");
        String batch = text(args, "batch");
        if (TaskCreateTools.TYPES.containsKey(slug)) {
            type = TaskCreateTools.TYPES.get(slug);
            tasks = 1;
        } else if (TaskCreateTools.ANY_TYPE.equals(slug)) {
            type = text(args, "type");
            tasks = 1;
            project = text(args.path("params"), "project");
            batch = text(args.path("params"), "batch");
        } else if (BULK.equals(slug)) {
            type = text(args, "type");
            tasks = 0;
            for (String line : args.path("jsonl").asString("").split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                tasks++;
                if (project == null && batch == null) {
                    JsonNode first = parse(line);
                    project = text(first, "project");
                    batch = text(first, "batch");
                }
            }
        } else {
            return Estimate.NOTHING;
        }
        if (project == null && batch != null) {
            project = projectOfBatch(backend, batch);
        }
        return new Estimate(type, tasks, project, prices.costMicros(type, tasks));
    }

    /** The batch's project, so project caps hold for tasks created by batch name; null when it cannot be read. */
    private static String projectOfBatch(ScaleBackend backend, String batch) {
        try {
            return text(backend.send(ScaleRequest.get("/batches/" + ScaleRequest.segment(batch))), "project");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode parse(String line) {
        try {
            return ScaleJson.mapper().readTree(line);
        } catch (RuntimeException e) {
            return ScaleJson.mapper().createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }
}
