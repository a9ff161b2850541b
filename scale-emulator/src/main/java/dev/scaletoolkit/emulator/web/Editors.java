package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which annotation screen a task type gets, and the small configuration the browser editors read (tools and
 * labels, attributes, the image, pre-drawn shapes), derived from the task's params.
 */
final class Editors {
    enum Kind {
        IMAGE,
        VIDEO,
        SEGMENT,
        NER,
        CATEGORIZE,
        COMPARE,
        COLLECT,
        TRANSCRIBE,
        STRUCTURED
    }

    private static final Set<String> IMAGE_TYPES = Set.of(
            "imageannotation",
            "annotation",
            "boxannotation",
            "polygonannotation",
            "lineannotation",
            "laneannotation",
            "pointannotation",
            "cuboidannotation");
    private static final List<String> GEOMETRIES = List.of("box", "polygon", "line", "point");

    private Editors() {}

    private static final Set<String> FRAME_TYPES =
            Set.of("videoannotation", "videoboxannotation", "federal2dvideoannotation");

    /** The screen for a task; video given as image frames gets the image editor frame by frame. */
    static Kind kind(String type, JsonNode params) {
        if (FRAME_TYPES.contains(type) && !frames(params).isEmpty()) {
            return Kind.VIDEO;
        }
        return kind(type);
    }

    static Kind kind(String type) {
        if (IMAGE_TYPES.contains(type)) {
            return Kind.IMAGE;
        }
        return switch (type) {
            case "segmentannotation" -> Kind.SEGMENT;
            case "namedentityrecognition" -> Kind.NER;
            case "categorization", "categorize" -> Kind.CATEGORIZE;
            case "comparison" -> Kind.COMPARE;
            case "textcollection" -> Kind.COLLECT;
            case "documenttranscription" -> Kind.TRANSCRIBE;
            default -> Kind.STRUCTURED;
        };
    }

    /** What the image editor needs: tools with their labels, attributes, image, hypothesis and base shapes. */
    static ObjectNode imageConfig(String type, JsonNode params) {
        ObjectNode out = Docs.object();
        ArrayNode tools = out.putArray("tools");
        JsonNode geometries = params.get("geometries");
        if (geometries != null && geometries.isObject()) {
            for (var e : geometries.properties()) {
                if (GEOMETRIES.contains(e.getKey())) {
                    tool(tools, e.getKey(), e.getValue().get("objects_to_annotate"));
                }
            }
        } else if (geometries != null && geometries.isArray()) {
            for (JsonNode g : geometries) {
                if (g.isString() && GEOMETRIES.contains(g.stringValue())) {
                    tool(tools, g.stringValue(), params.get("objects_to_annotate"));
                }
            }
        }
        if (tools.isEmpty()) {
            String legacy = switch (type) {
                case "polygonannotation" -> "polygon";
                case "lineannotation", "laneannotation" -> "line";
                case "pointannotation" -> "point";
                default -> "box";
            };
            tool(tools, legacy, params.get("objects_to_annotate"));
        }
        out.set(
                "attributes",
                params.path("annotation_attributes").isObject() ? params.get("annotation_attributes") : Docs.object());
        out.put("image", imageUrl(params.path("attachment").asString("")));
        JsonNode meta = params.path("image_metadata");
        out.put("width", meta.path("width").asInt(0));
        out.put("height", meta.path("height").asInt(0));
        out.set(
                "hypothesis",
                params.path("hypothesis").path("annotations").isArray()
                        ? params.get("hypothesis").get("annotations")
                        : Docs.object().arrayNode());
        out.set(
                "base",
                params.path("base_annotations").path("annotations").isArray()
                        ? params.get("base_annotations").get("annotations")
                        : Docs.object().arrayNode());
        out.put("canEditBase", params.path("can_edit_base_annotations").asBoolean(false));
        out.put("canDeleteBase", params.path("can_delete_base_annotations").asBoolean(false));
        return out;
    }

    /** The image editor's configuration plus the frames (image URLs) and the frame rate. */
    static ObjectNode videoConfig(String type, JsonNode params) {
        ObjectNode out = imageConfig(type, params);
        ArrayNode frames = out.putArray("frames");
        frames(params).forEach(frames::add);
        out.put("frameRate", params.path("frame_rate").asDouble(1.0));
        return out;
    }

    /** The frames of a video task given as images, or empty when any frame is not a web image. */
    static List<String> frames(JsonNode params) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode a : params.path("attachments")) {
            String url = imageUrl(
                    a.isString() ? a.stringValue() : a.path("attachment").asString(""));
            if (url.isEmpty()) {
                return List.of();
            }
            out.add(url);
        }
        return out.size() > 300 ? List.of() : out;
    }

    /** What the segmentation editor needs: labels, the image and its size. */
    static ObjectNode segmentConfig(JsonNode params) {
        ObjectNode out = Docs.object();
        ArrayNode labels = out.putArray("labels");
        List<String> names = Choices.leaves(params.get("labels"));
        (names.isEmpty() ? List.of("object") : names).forEach(labels::add);
        out.put("image", imageUrl(params.path("attachment").asString("")));
        JsonNode meta = params.path("image_metadata");
        out.put("width", meta.path("width").asInt(0));
        out.put("height", meta.path("height").asInt(0));
        out.put("allowUnlabeled", params.path("allow_unlabeled").asBoolean(false));
        return out;
    }

    /** What the entity editor needs: the text, labels and relationship names. */
    static ObjectNode nerConfig(JsonNode params) {
        ObjectNode out = Docs.object();
        out.put("text", params.path("text").asString(""));
        ArrayNode labels = out.putArray("labels");
        List<String> names = Choices.leaves(params.get("labels"));
        (names.isEmpty() ? List.of("ENTITY") : names).forEach(labels::add);
        return out;
    }

    /** Only web addresses are shown as images; anything else (scaleapi:// ids, local paths) is left out. */
    static String imageUrl(String attachment) {
        String lower = attachment.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? attachment : "";
    }

    private static void tool(ArrayNode tools, String geometry, JsonNode objects) {
        ObjectNode t = tools.addObject();
        t.put("geometry", geometry);
        ArrayNode labels = t.putArray("labels");
        List<String> names = Choices.leaves(objects);
        (names.isEmpty() ? List.of("object") : names).forEach(labels::add);
    }
}
