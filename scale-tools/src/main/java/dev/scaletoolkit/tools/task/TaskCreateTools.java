package dev.scaletoolkit.tools.task;

import static dev.scaletoolkit.tools.backend.ScaleRequest.segment;

import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One tool per task type; each sends its arguments unchanged as the creation body. */
public final class TaskCreateTools {
    /** Tool slug → Scale task type in {@code POST /v1/task/{type}}. */
    public static final Map<String, String> TYPES = Map.of(
            "SCALE_AI_CREATE_DOCUMENT_TRANSCRIPTION_TASK", "documenttranscription",
            "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", "imageannotation",
            "SCALE_AI_CREATE_LIDAR_ANNOTATION_TASK", "lidarannotation",
            "SCALE_AI_CREATE_LIDAR_SEGMENTATION_TASK", "lidarsegmentation",
            "SCALE_AI_CREATE_NAMED_ENTITY_RECOGNITION_TASK", "namedentityrecognition",
            "SCALE_AI_CREATE_SEGMENTATION_ANNOTATION_TASK", "segmentannotation",
            "SCALE_AI_CREATE_TEXT_COLLECTION_TASK", "textcollection",
            "SCALE_AI_CREATE_VIDEO_ANNOTATION_TASK", "videoannotation",
            "SCALE_AI_CREATE_VIDEO_PLAYBACK_ANNOTATION_TASK", "videoplaybackannotation");

    /** The tool that creates a task of the type named in its arguments. */
    public static final String ANY_TYPE = "SCALE_AI_CREATE_TASK";

    private TaskCreateTools() {}

    public static void register(HandlerTable table) {
        TYPES.forEach((slug, type) -> table.add(slug, call -> create(call.backend(), type, call.args())));
        // any type, for short tool lists (core) that cannot carry one tool per type
        table.add(ANY_TYPE, call -> create(call.backend(), call.string("type"), (ObjectNode) call.node("params")));
    }

    /** {@code POST /v1/task/{type}}: creates one task of {@code type} from its wire parameters. */
    public static JsonNode create(ScaleBackend backend, String type, ObjectNode params) {
        return backend.send(ScaleRequest.post("/task/" + segment(type), params));
    }
}
