package dev.scaletoolkit.emulator.project;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/projects/{name}/setOntology}: checks an ontology (strings or {@code {choice, description?,
 * subchoices?}} objects, with every choice and subchoice unique across the whole ontology) and appends it as a new
 * version to the project's {@code ontologies} history.
 */
public final class Ontology {
    private static final int MAX_DEPTH = 10;

    private final EmulatorContext context;

    public Ontology(EmulatorContext context) {
        this.context = context;
    }

    public ObjectNode set(Handle h, Caller caller, String projectName, ObjectNode body) {
        if (!Fields.present(body, "ontology")) {
            throw ApiError.missingParam("ontology");
        }
        JsonNode ontology = body.get("ontology");
        if (!ontology.isArray()) {
            throw ApiError.invalidParam(
                    "ontology", "must be an array of choices (strings or objects), got a " + Fields.kind(ontology));
        }
        if (ontology.isEmpty()) {
            throw ApiError.invalidParam("ontology", "must contain at least one choice");
        }
        checkChoices(ontology, "ontology", new HashMap<>(), 0);
        ObjectNode project = ProjectStore.require(h, caller, projectName);
        ArrayNode history =
                project.has("ontologies") && project.get("ontologies").isArray()
                        ? (ArrayNode) project.get("ontologies")
                        : project.putArray("ontologies");
        int version = 1;
        for (JsonNode past : history) {
            version = Math.max(version, past.path("version").asInt(0) + 1);
        }
        String name = Fields.optString(body, "name").orElse(projectName + " ontology v" + version);
        String now = context.now();
        ObjectNode entry = Docs.object();
        entry.put("name", name);
        entry.put("version", version);
        entry.set("ontology", ontology.deepCopy());
        entry.put("created_at", now);
        history.add(entry);
        ProjectStore.update(h, caller, project, now);
        return project;
    }

    /** Walks choices depth first; {@code seen} maps each choice text to the path where it first appeared. */
    private static void checkChoices(JsonNode choices, String path, Map<String, String> seen, int depth) {
        if (depth > MAX_DEPTH) {
            throw ApiError.invalidParam(path, "nests subchoices deeper than " + MAX_DEPTH + " levels");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode item = choices.get(i);
            String where = path + "[" + i + "]";
            if (item.isString()) {
                remember(item.stringValue(), where, seen);
            } else if (item.isObject()) {
                checkChoiceObject(item, where, seen, depth);
            } else {
                throw ApiError.invalidParam(
                        where, "must be a string or an object with a \"choice\", got a " + Fields.kind(item));
            }
        }
    }

    private static void checkChoiceObject(JsonNode item, String where, Map<String, String> seen, int depth) {
        JsonNode choice = item.get("choice");
        if (choice == null || !choice.isString()) {
            throw ApiError.invalidParam(where + ".choice", "is required and must be a string");
        }
        remember(choice.stringValue(), where + ".choice", seen);
        JsonNode description = item.get("description");
        if (description != null && !description.isNull() && !description.isString()) {
            throw ApiError.invalidParam(where + ".description", "must be a string, got a " + Fields.kind(description));
        }
        JsonNode subchoices = item.get("subchoices");
        if (subchoices != null && !subchoices.isNull()) {
            if (!subchoices.isArray()) {
                throw ApiError.invalidParam(
                        where + ".subchoices", "must be an array, got a " + Fields.kind(subchoices));
            }
            checkChoices(subchoices, where + ".subchoices", seen, depth + 1);
        }
    }

    private static void remember(String choice, String where, Map<String, String> seen) {
        if (choice.isBlank()) {
            throw ApiError.invalidParam(where, "must not be blank");
        }
        String first = seen.putIfAbsent(choice, where);
        if (first != null) {
            throw ApiError.badRequest("Ontology choice \"" + choice + "\" appears twice (at " + first + " and " + where
                    + "); choices and subchoices must be unique across the whole ontology.");
        }
    }
}
