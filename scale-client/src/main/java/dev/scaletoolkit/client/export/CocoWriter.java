package dev.scaletoolkit.client.export;

import dev.scaletoolkit.model.ScaleJson;
import dev.scaletoolkit.model.task.Task;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a COCO detection file from image annotation tasks: one image per task (its attachment URL; width and
 * height from {@code params.image_metadata} when present, else 0), one category per label, boxes as
 * {@code bbox [x, y, w, h]} and polygons as {@code segmentation} with their bounding box and shoelace area.
 * Other annotation types are skipped.
 */
public final class CocoWriter {
    private final ArrayNode images = ScaleJson.mapper().createArrayNode();
    private final ArrayNode annotations = ScaleJson.mapper().createArrayNode();
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private int nextAnnotationId = 1;

    /** Adds a task's image and its box and polygon annotations. */
    public void add(Task task) {
        if (task.params() == null || task.response() == null) {
            return;
        }
        int imageId = images.size() + 1;
        ObjectNode image = images.addObject();
        image.put("id", imageId);
        image.put("file_name", task.params().path("attachment").asString(""));
        image.put("width", task.params().path("image_metadata").path("width").asInt(0));
        image.put("height", task.params().path("image_metadata").path("height").asInt(0));
        image.put("scale_task_id", task.taskId());
        for (JsonNode a : task.response().path("annotations")) {
            String type = a.path("type").asString("");
            if (type.equals("box")) {
                double x = a.path("left").asDouble(), y = a.path("top").asDouble();
                double w = a.path("width").asDouble(), h = a.path("height").asDouble();
                ObjectNode ann = annotation(imageId, a);
                ann.putArray("bbox").add(x).add(y).add(w).add(h);
                ann.put("area", w * h);
                ann.putArray("segmentation");
            } else if (type.equals("polygon") && a.path("vertices").size() >= 3) {
                ObjectNode ann = annotation(imageId, a);
                ArrayNode ring = ann.putArray("segmentation").addArray();
                double minX = Double.MAX_VALUE,
                        minY = Double.MAX_VALUE,
                        maxX = -Double.MAX_VALUE,
                        maxY = -Double.MAX_VALUE;
                double twiceArea = 0;
                JsonNode v = a.path("vertices");
                for (int i = 0; i < v.size(); i++) {
                    double px = v.get(i).path("x").asDouble(),
                            py = v.get(i).path("y").asDouble();
                    JsonNode n = v.get((i + 1) % v.size());
                    twiceArea += px * n.path("y").asDouble() - n.path("x").asDouble() * py;
                    ring.add(px).add(py);
                    minX = Math.min(minX, px);
                    minY = Math.min(minY, py);
                    maxX = Math.max(maxX, px);
                    maxY = Math.max(maxY, py);
                }
                ann.putArray("bbox").add(minX).add(minY).add(maxX - minX).add(maxY - minY);
                ann.put("area", Math.abs(twiceArea) / 2);
            }
        }
    }

    private ObjectNode annotation(int imageId, JsonNode a) {
        String label = a.path("label").asString("unlabeled");
        int category = categories.computeIfAbsent(label, l -> categories.size() + 1);
        ObjectNode ann = annotations.addObject();
        ann.put("id", nextAnnotationId++);
        ann.put("image_id", imageId);
        ann.put("category_id", category);
        ann.put("iscrowd", 0);
        return ann;
    }

    public int imageCount() {
        return images.size();
    }

    /** The COCO document built so far. */
    public ObjectNode toJson() {
        ObjectNode root = ScaleJson.mapper().createObjectNode();
        root.putObject("info").put("description", "exported from Scale by scale-toolkit");
        root.set("images", images.deepCopy());
        root.set("annotations", annotations.deepCopy());
        ArrayNode cats = root.putArray("categories");
        categories.forEach((name, id) -> cats.addObject().put("id", id).put("name", name));
        return root;
    }

    public void write(OutputStream out) {
        try {
            out.write(ScaleJson.mapper().writeValueAsBytes(toJson()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
