package dev.scaletoolkit.client.export;

import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.Task;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a COCO detection file from image annotation tasks: one image per task (its attachment URL; width and
 * height from {@code params.image_metadata} when present, else 0), one category per label, boxes as
 * {@code bbox [x, y, w, h]} and polygons as {@code segmentation} with their bounding box and shoelace area.
 * Other annotation types are skipped.
 */
public final class CocoWriter {
    private final List<Map<String, Object>> images = new ArrayList<>();
    private final List<Map<String, Object>> annotations = new ArrayList<>();
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private int nextAnnotationId = 1;

    /** An empty COCO document. */
    public CocoWriter() {}

    /**
     * Adds a task's image and its box and polygon annotations.
     *
     * @param task a completed image annotation task; others are skipped
     */
    public void add(Task task) {
        if (task.params() == null || task.response() == null) {
            return;
        }
        int imageId = images.size() + 1;
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("id", imageId);
        image.put("file_name", task.params().path("attachment").asText(""));
        image.put("width", task.params().path("image_metadata").path("width").asInt(0));
        image.put("height", task.params().path("image_metadata").path("height").asInt(0));
        image.put("scale_task_id", task.taskId());
        images.add(image);
        for (JsonValue a : task.response().path("annotations").elements()) {
            String type = a.path("type").asText("");
            if (type.equals("box")) {
                double x = a.path("left").asDouble(0), y = a.path("top").asDouble(0);
                double w = a.path("width").asDouble(0), h = a.path("height").asDouble(0);
                Map<String, Object> ann = annotation(imageId, a);
                ann.put("bbox", List.of(x, y, w, h));
                ann.put("area", w * h);
                ann.put("segmentation", List.of());
            } else if (type.equals("polygon") && a.path("vertices").size() >= 3) {
                Map<String, Object> ann = annotation(imageId, a);
                List<Double> ring = new ArrayList<>();
                double minX = Double.MAX_VALUE,
                        minY = Double.MAX_VALUE,
                        maxX = -Double.MAX_VALUE,
                        maxY = -Double.MAX_VALUE;
                double twiceArea = 0;
                List<JsonValue> v = a.path("vertices").elements();
                for (int i = 0; i < v.size(); i++) {
                    double px = v.get(i).path("x").asDouble(0),
                            py = v.get(i).path("y").asDouble(0);
                    JsonValue n = v.get((i + 1) % v.size());
                    twiceArea += px * n.path("y").asDouble(0) - n.path("x").asDouble(0) * py;
                    ring.add(px);
                    ring.add(py);
                    minX = Math.min(minX, px);
                    minY = Math.min(minY, py);
                    maxX = Math.max(maxX, px);
                    maxY = Math.max(maxY, py);
                }
                ann.put("segmentation", List.of(ring));
                ann.put("bbox", List.of(minX, minY, maxX - minX, maxY - minY));
                ann.put("area", Math.abs(twiceArea) / 2);
            }
        }
    }

    private Map<String, Object> annotation(int imageId, JsonValue a) {
        String label = a.path("label").asText("unlabeled");
        int category = categories.computeIfAbsent(label, l -> categories.size() + 1);
        Map<String, Object> ann = new LinkedHashMap<>();
        ann.put("id", nextAnnotationId++);
        ann.put("image_id", imageId);
        ann.put("category_id", category);
        ann.put("iscrowd", 0);
        annotations.add(ann);
        return ann;
    }

    /**
     * How many images were added.
     *
     * @return the image count
     */
    public int imageCount() {
        return images.size();
    }

    /**
     * The COCO document built so far.
     *
     * @return the document as a JSON value
     */
    public JsonValue toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("info", Map.of("description", "exported from Scale by scale-toolkit"));
        root.put("images", images);
        root.put("annotations", annotations);
        List<Map<String, Object>> cats = new ArrayList<>();
        categories.forEach((name, id) -> {
            Map<String, Object> cat = new LinkedHashMap<>();
            cat.put("id", id);
            cat.put("name", name);
            cats.add(cat);
        });
        root.put("categories", cats);
        return JsonValue.of(root);
    }

    /**
     * Writes the document as JSON.
     *
     * @param out where to write; not closed
     */
    public void write(OutputStream out) {
        try {
            out.write(toJson().toJson().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
