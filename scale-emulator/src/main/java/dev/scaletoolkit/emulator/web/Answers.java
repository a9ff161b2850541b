package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads what a labeler submitted into Scale's response format for the task's type, refusing answers that do not
 * fit the task (unknown labels, spans outside the text, shapes of a geometry the task did not ask for).
 */
final class Answers {
    private Answers() {}

    static JsonNode read(Editors.Kind kind, String type, Exchange ex, JsonNode params) {
        return switch (kind) {
            case CATEGORIZE -> Forms.categorizeAnswer(ex, params);
            case COMPARE -> Forms.compareAnswer(ex, params);
            case COLLECT -> Forms.collectAnswer(ex, params);
            case TRANSCRIBE -> Forms.transcribeAnswer(ex, params);
            case IMAGE -> image(json(ex), Editors.imageConfig(type, params));
            case VIDEO -> frames(json(ex), Editors.videoConfig(type, params));
            case NER -> entities(json(ex), params.path("text").asString(""));
            case SEGMENT, STRUCTURED -> json(ex);
        };
    }

    private static ObjectNode json(Exchange ex) {
        String raw = ex.raw("response");
        if (raw.isBlank()) {
            throw WebError.badRequest("The response is empty; draw or fill in your answer first.");
        }
        JsonNode node;
        try {
            node = ScaleJson.mapper().readTree(raw);
        } catch (JacksonException e) {
            throw WebError.badRequest("The response is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw WebError.badRequest("The response must be a JSON object.");
        }
        return object;
    }

    private static ObjectNode image(ObjectNode response, ObjectNode config) {
        JsonNode annotations = response.path("annotations");
        if (!annotations.isArray()) {
            throw WebError.badRequest("The response needs an \"annotations\" list.");
        }
        Set<String> labels = new HashSet<>();
        Set<String> geometries = new HashSet<>();
        for (JsonNode tool : config.path("tools")) {
            geometries.add(tool.path("geometry").asString());
            tool.path("labels").forEach(l -> labels.add(l.asString()));
        }
        // Pre-drawn shapes may carry labels and geometries of their own.
        for (String list : List.of("hypothesis", "base")) {
            for (JsonNode shape : config.path(list)) {
                labels.add(shape.path("label").asString(""));
                geometries.add(shape.path("type").asString(""));
            }
        }
        int i = 0;
        for (JsonNode a : annotations) {
            String where = "annotations[" + i++ + "]";
            if (!geometries.contains(a.path("type").asString(""))) {
                throw WebError.badRequest(
                        where + " is a " + a.path("type").asString("shape") + ", which this task does not ask for.");
            }
            if (!labels.contains(a.path("label").asString(""))) {
                throw WebError.badRequest(where + " has the label \""
                        + a.path("label").asString("") + "\", which is not one of this task's labels.");
            }
        }
        return response;
    }

    private static ObjectNode frames(ObjectNode response, ObjectNode config) {
        JsonNode perFrame = response.path("annotations");
        if (!perFrame.isArray() || perFrame.size() != config.path("frames").size()) {
            throw WebError.badRequest("The response needs one \"annotations\" entry per frame ("
                    + config.path("frames").size() + ").");
        }
        for (JsonNode f : perFrame) {
            ObjectNode one = ScaleJson.mapper().createObjectNode();
            one.set("annotations", f.path("annotations"));
            image(one, config);
        }
        return response;
    }

    private static ObjectNode entities(ObjectNode response, String text) {
        JsonNode annotations = response.path("annotations");
        if (!annotations.isArray()) {
            throw WebError.badRequest("The response needs an \"annotations\" list.");
        }
        int i = 0;
        for (JsonNode span : annotations) {
            String where = "annotations[" + i++ + "]";
            int start = span.path("start").asInt(-1);
            int end = span.path("end").asInt(-1);
            if (start < 0 || end <= start || end > text.length()) {
                throw WebError.badRequest(where + " does not lie within the text.");
            }
            if (!text.substring(start, end).equals(span.path("text").asString(""))) {
                throw WebError.badRequest(where + "'s text differs from the task's text at those offsets.");
            }
        }
        if (!response.has("relationships")) {
            response.putArray("relationships");
        }
        return response;
    }
}
