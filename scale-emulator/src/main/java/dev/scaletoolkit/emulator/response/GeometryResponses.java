package dev.scaletoolkit.emulator.response;

import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 2D annotations for image and video tasks: one shape per geometry the task asks for, labelled from that
 * geometry's {@code objects_to_annotate}, always inside the image.
 */
final class GeometryResponses {
    static final int DEFAULT_WIDTH = 1920;
    static final int DEFAULT_HEIGHT = 1080;
    private static final int MAX_FRAMES = 300;

    /** Legacy single-geometry task types and the geometry each one draws. */
    private static final Map<String, String> LEGACY_TYPES = Map.of(
            "annotation", "box",
            "boxannotation", "box",
            "polygonannotation", "polygon",
            "lineannotation", "line",
            "laneannotation", "line",
            "pointannotation", "point",
            "cuboidannotation", "cuboid");

    private GeometryResponses() {}

    static boolean handles(String type) {
        return LEGACY_TYPES.containsKey(type);
    }

    /** The width and height annotations must stay within. */
    record Size(int width, int height) {
        static Size of(JsonNode params) {
            JsonNode meta = params.path("image_metadata");
            int w = meta.path("width").asInt(0);
            int h = meta.path("height").asInt(0);
            return w > 0 && h > 0 ? new Size(w, h) : new Size(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
    }

    /** {@code {"annotations": [...]}} for an image task. */
    static ObjectNode image(String type, JsonNode params, Dice dice) {
        Size size = Size.of(params);
        ObjectNode response = Docs.object();
        ArrayNode annotations = response.putArray("annotations");
        geometries(type, params)
                .forEach((geometry, spec) -> annotations.add(shape(geometry, spec, params, size, dice)));
        return response;
    }

    /**
     * Per-frame annotations for a video task: each geometry becomes one track whose uuid stays the same while it
     * drifts a little from frame to frame; {@code events_to_annotate} become frame ranges.
     */
    static ObjectNode video(String type, JsonNode params, Dice dice) {
        Size size = Size.of(params);
        int frames = frameCount(type, params);
        double frameRate = params.path("frame_rate").asDouble(1.0) > 0
                ? params.path("frame_rate").asDouble(1.0)
                : 1.0;
        List<ObjectNode> tracks = new ArrayList<>();
        geometries(type, params).forEach((geometry, spec) -> tracks.add(shape(geometry, spec, params, size, dice)));
        ObjectNode response = Docs.object();
        ArrayNode perFrame = response.putArray("annotations");
        for (int frame = 0; frame < frames; frame++) {
            ObjectNode entry = perFrame.addObject();
            entry.put("frame_index", frame);
            entry.put("timestamp", Math.round(frame / frameRate * 1000) / 1000.0);
            ArrayNode shapes = entry.putArray("annotations");
            for (ObjectNode track : tracks) {
                if (frame > 0) {
                    Shapes.drift(track, dice.between(-8, 8), dice.between(-8, 8), size);
                }
                shapes.add(track.deepCopy());
            }
        }
        List<String> events = Labels.leaves(params.get("events_to_annotate"));
        if (!events.isEmpty()) {
            ArrayNode out = response.putArray("events");
            for (String label : events) {
                int start = dice.between(0, frames - 1);
                ObjectNode event = out.addObject();
                event.put("uuid", dice.uuid());
                event.put("label", label);
                event.put("type", "range");
                event.put("start", start);
                event.put("end", dice.between(start, frames - 1));
            }
        }
        return response;
    }

    static int frameCount(String type, JsonNode params) {
        JsonNode attachments = params.get("attachments");
        if (type.equals("videoannotation") && attachments != null && attachments.isArray() && !attachments.isEmpty()) {
            return Math.min(attachments.size(), MAX_FRAMES);
        }
        double duration = params.path("duration_time").asDouble(0);
        double rate = params.path("frame_rate").asDouble(1.0);
        if (duration > 0 && rate > 0) {
            return (int) Math.max(1, Math.min(MAX_FRAMES, Math.ceil(duration * rate)));
        }
        return 10;
    }

    /** The geometries to draw, by name, with their specs ({@code objects_to_annotate} and limits). */
    static Map<String, JsonNode> geometries(String type, JsonNode params) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode geometries = params.get("geometries");
        if (geometries != null && geometries.isObject()) {
            for (var e : geometries.properties()) {
                out.put(e.getKey(), e.getValue());
            }
        } else if (geometries != null && geometries.isArray()) {
            for (JsonNode name : geometries) {
                if (name.isString()) {
                    out.put(name.stringValue(), Docs.object());
                }
            }
        }
        if (out.isEmpty()) {
            // Legacy types carry objects_to_annotate at the top of params and draw a single geometry.
            out.put(LEGACY_TYPES.getOrDefault(type, "box"), params);
        }
        return out;
    }

    private static ObjectNode shape(String geometry, JsonNode spec, JsonNode params, Size size, Dice dice) {
        ObjectNode s = Docs.object();
        s.put("uuid", dice.uuid());
        s.put("type", geometry);
        s.put("label", dice.pick(Labels.leavesOr(spec.get("objects_to_annotate"), "object")));
        s.set("attributes", Labels.attributes(params.get("annotation_attributes"), dice));
        switch (geometry) {
            case "box" -> Shapes.box(s, spec, size, dice);
            case "polygon" -> Shapes.polygon(s, spec, size, dice, 3, 8);
            case "line" -> Shapes.line(s, spec, size, dice);
            case "point" -> {
                s.put("x", dice.between(0, size.width() - 1));
                s.put("y", dice.between(0, size.height() - 1));
            }
            case "cuboid" -> Shapes.cuboid(s, size, dice);
            case "ellipse" -> Shapes.ellipse(s, size, dice);
            default -> Shapes.box(s, spec, size, dice);
        }
        return s;
    }
}
