package dev.scaletoolkit.emulator.response;

import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a labeler's response for a task, valid for the task's type and derived from its params. The same task
 * and seed always give the same response.
 *
 * <p>Bulky parts (video frames, lidar cuboids and points, segmentation masks) are generated inline;
 * {@code task.ResponseBlobs.externalize} moves them behind secure URLs when the task completes.
 *
 * <p>When {@code params.responses_required} asks for several labelers on a small (non-blob) type, the response
 * also lists every labeler's answer under {@code labeler_responses}; its top-level fields are the first answer.
 */
public final class Responses {
    /** Types with few, small fields, where carrying every labeler's answer is cheap. */
    private static final Set<String> SMALL_TYPES = Set.of(
            "categorization",
            "categorize",
            "comparison",
            "textcollection",
            "namedentityrecognition",
            "documenttranscription");

    /** Upper bound on {@code labeler_responses}, whatever a task asks for. */
    static final int MAX_LABELERS = 10;

    private Responses() {}

    /** A response for {@code task} (its wire JSON, with {@code type} and {@code params}). */
    public static ObjectNode generate(ObjectNode task, long seed) {
        String type = task.path("type").isString() ? task.get("type").stringValue() : "";
        String taskId = task.path("task_id").isString() ? task.get("task_id").stringValue() : "";
        JsonNode params = task.path("params").isObject() ? task.get("params") : Docs.object();
        ObjectNode first = answer(type, params, new Dice(seed, taskId + "#response"));
        int required = requiredResponses(params);
        if (required > 1 && SMALL_TYPES.contains(type)) {
            ArrayNode all = ScaleJson.mapper().createArrayNode();
            all.add(first.deepCopy());
            for (int i = 1; i < required; i++) {
                all.add(answer(type, params, new Dice(seed, taskId + "#response#" + i)));
            }
            first.set("labeler_responses", all);
        }
        return first;
    }

    /** How many labelers a task asks for: {@code params.responses_required}, at least 1, at most ten. */
    public static int requiredResponses(JsonNode params) {
        int n = params == null ? 1 : params.path("responses_required").asInt(1);
        return Math.max(1, Math.min(n, MAX_LABELERS));
    }

    private static ObjectNode answer(String type, JsonNode params, Dice dice) {
        switch (type) {
            case "imageannotation":
                return GeometryResponses.image(type, params, dice);
            case "videoannotation":
            case "videoplaybackannotation":
            case "videoboxannotation":
            case "videocuboidannotation":
            case "federal2dvideoannotation":
                return GeometryResponses.video(type, params, dice);
            case "lidarannotation":
            case "sensorfusion":
            case "lidartopdown":
                return SensorResponses.lidarCuboids(params, dice);
            case "lidarsegmentation":
                return SensorResponses.lidarSegmentation(params, dice);
            case "segmentannotation":
                return SensorResponses.segmentation(params, dice);
            case "namedentityrecognition":
                return TextResponses.entities(params, dice);
            case "textcollection":
                return TextResponses.collection(params, dice);
            case "documenttranscription":
                return TextResponses.transcription(params, dice);
            case "categorization":
            case "categorize":
                return TextResponses.category(params, dice);
            case "comparison":
                return TextResponses.choice(params, dice);
            default:
                return GeometryResponses.handles(type)
                        ? GeometryResponses.image(type, params, dice)
                        : TextResponses.generic(dice);
        }
    }
}
