package dev.scaletoolkit.emulator.response;

import dev.scaletoolkit.emulator.response.GeometryResponses.Size;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Responses whose bulk Scale serves from result URLs: 2D segmentation masks and lidar cuboids and point labels.
 * They are generated inline here; {@code task.ResponseBlobs} moves the bulky parts behind secure URLs on completion.
 *
 * <p>Masks are JSON rather than PNG: {@code {width, height, encoding: "rle", values, counts}}, runs in row-major
 * order, so a client can check them without an image decoder.
 */
final class SensorResponses {
    private static final int MAX_FRAMES = 300;
    private static final int MAX_CUBOID_LABELS = 10;
    /** Lidar frames are never fetched, so point labels cover a fixed sample of points per frame. */
    static final int SAMPLE_POINTS = 100;

    private SensorResponses() {}

    /**
     * Segmentation of an image into horizontal bands, one per label (plus an unlabeled band when
     * {@code allow_unlabeled}): a label mapping with indexes from 1 and colours, and per-label, combined and
     * unlabeled masks.
     */
    static ObjectNode segmentation(JsonNode params, Dice dice) {
        Size size = Size.of(params);
        List<String> labels = Labels.leavesOr(params.get("labels"), "object");
        boolean unlabeledBand = params.path("allow_unlabeled").asBoolean(false);
        int painted = Math.min(labels.size(), size.height() - (unlabeledBand ? 1 : 0));
        // Band heights: random weights scaled to the image height, each at least one row.
        int[] rows = bandHeights(painted + (unlabeledBand ? 1 : 0), size.height(), dice);

        ObjectNode response = Docs.object();
        ObjectNode mapping = Docs.object();
        List<Integer> indexRuns = new ArrayList<>();
        List<String> colorRuns = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ObjectNode entry = mapping.putObject(labels.get(i));
            entry.put("index", i + 1);
            entry.put("color", dice.color());
        }
        for (int band = 0; band < rows.length; band++) {
            boolean unlabeled = unlabeledBand && band == rows.length - 1;
            indexRuns.add(unlabeled ? 0 : band + 1);
            colorRuns.add(
                    unlabeled
                            ? "#000000"
                            : mapping.get(labels.get(band)).get("color").stringValue());
            counts.add(rows[band] * size.width());
        }
        ObjectNode annotations = response.putObject("annotations");
        annotations.set("unlabeled", unlabeledBand ? binaryMask(size, counts, counts.size() - 1) : null);
        ObjectNode labeled = annotations.putObject("labeled");
        for (int i = 0; i < labels.size(); i++) {
            labeled.set(labels.get(i), i < painted ? binaryMask(size, counts, i) : null);
        }
        ObjectNode combined = annotations.putObject("combined");
        combined.set("image", mask(size, colorRuns, counts));
        combined.set("indexedImage", mask(size, indexRuns, counts));
        response.set("labelMapping", mapping);
        return response;
    }

    /** Cuboids for each label (up to ten), tracked across every frame with a stable uuid. */
    static ObjectNode lidarCuboids(JsonNode params, Dice dice) {
        int frames = frameCount(params);
        double range = params.path("max_distance_meters").asDouble(50.0);
        List<String> labels = Labels.leavesOr(params.get("labels"), "object");
        List<ObjectNode> tracks = new ArrayList<>();
        for (String label : labels.subList(0, Math.min(labels.size(), MAX_CUBOID_LABELS))) {
            ObjectNode cuboid = Docs.object();
            cuboid.put("uuid", dice.uuid());
            cuboid.put("label", label);
            cuboid.put("type", "cuboid");
            ObjectNode position = cuboid.putObject("position");
            position.put("x", round(dice.between(-range, range)));
            position.put("y", round(dice.between(-range, range)));
            position.put("z", round(dice.between(0.0, 2.0)));
            ObjectNode dimensions = cuboid.putObject("dimensions");
            dimensions.put("x", round(dice.between(0.5, 5.0)));
            dimensions.put("y", round(dice.between(0.5, 2.5)));
            dimensions.put("z", round(dice.between(0.5, 3.0)));
            cuboid.put("yaw", round(dice.between(-Math.PI, Math.PI)));
            cuboid.put("stationary", dice.chance(0.5));
            cuboid.set("attributes", Labels.attributes(params.get("annotation_attributes"), dice));
            tracks.add(cuboid);
        }
        ObjectNode response = Docs.object();
        ArrayNode perFrame = response.putArray("annotations");
        for (int frame = 0; frame < frames; frame++) {
            ObjectNode entry = perFrame.addObject();
            entry.put("frame_index", frame);
            ArrayNode cuboids = entry.putArray("cuboids");
            for (ObjectNode track : tracks) {
                if (frame > 0 && !track.get("stationary").asBoolean()) {
                    ObjectNode p = (ObjectNode) track.get("position");
                    p.put("x", round(p.get("x").asDouble() + dice.between(-0.5, 0.5)));
                    p.put("y", round(p.get("y").asDouble() + dice.between(-0.5, 0.5)));
                }
                cuboids.add(track.deepCopy());
            }
        }
        return response;
    }

    /**
     * Point labels for lidar segmentation: {@code annotations} holds the objects (label and 1-based index, 0 being
     * unlabeled) and, per frame, the object index of each sampled point; {@code point_segmentations} counts the
     * points per label and frame.
     */
    static ObjectNode lidarSegmentation(JsonNode params, Dice dice) {
        int frames = frameCount(params);
        JsonNode chosenFrames = params.get("lidar_task_frames");
        if (params.path("attachments").isEmpty() && chosenFrames != null && chosenFrames.isArray()) {
            frames = Math.max(1, Math.min(chosenFrames.size(), MAX_FRAMES));
        }
        List<String> labels = Labels.leavesOr(params.get("labels"), "object");
        ObjectNode response = Docs.object();
        ObjectNode annotations = response.putObject("annotations");
        ArrayNode objects = annotations.putArray("objects");
        for (int i = 0; i < labels.size(); i++) {
            ObjectNode object = objects.addObject();
            object.put("label", labels.get(i));
            object.put("index", i + 1);
        }
        ArrayNode pointObjects = annotations.putArray("point_objects");
        ArrayNode counts = response.putObject("point_segmentations").putArray("frames");
        for (int frame = 0; frame < frames; frame++) {
            ArrayNode points = pointObjects.addArray();
            int[] perLabel = new int[labels.size() + 1];
            for (int p = 0; p < SAMPLE_POINTS; p++) {
                int index = dice.between(0, labels.size());
                points.add(index);
                perLabel[index]++;
            }
            ObjectNode entry = counts.addObject();
            entry.put("frame_index", frame);
            ObjectNode byLabel = entry.putObject("label_counts");
            byLabel.put("unlabeled", perLabel[0]);
            for (int i = 0; i < labels.size(); i++) {
                byLabel.put(labels.get(i), perLabel[i + 1]);
            }
        }
        return response;
    }

    static int frameCount(JsonNode params) {
        JsonNode attachments = params.get("attachments");
        if (attachments != null && attachments.isArray() && !attachments.isEmpty()) {
            return Math.min(attachments.size(), MAX_FRAMES);
        }
        return 1;
    }

    private static int[] bandHeights(int bands, int height, Dice dice) {
        int[] rows = new int[bands];
        double[] weights = new double[bands];
        double total = 0;
        for (int i = 0; i < bands; i++) {
            weights[i] = dice.between(1.0, 3.0);
            total += weights[i];
        }
        int left = height - bands;
        int used = 0;
        for (int i = 0; i < bands; i++) {
            rows[i] = 1 + (int) Math.floor(left * weights[i] / total);
            used += rows[i];
        }
        rows[bands - 1] += height - used;
        return rows;
    }

    private static ObjectNode binaryMask(Size size, List<Integer> counts, int band) {
        List<Integer> values = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        int before = 0;
        int after = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (i < band) {
                before += counts.get(i);
            } else if (i > band) {
                after += counts.get(i);
            }
        }
        if (before > 0) {
            values.add(0);
            runs.add(before);
        }
        values.add(1);
        runs.add(counts.get(band));
        if (after > 0) {
            values.add(0);
            runs.add(after);
        }
        return mask(size, values, runs);
    }

    private static <T> ObjectNode mask(Size size, List<T> values, List<Integer> counts) {
        ObjectNode mask = Docs.object();
        mask.put("width", size.width());
        mask.put("height", size.height());
        mask.put("encoding", "rle");
        ArrayNode v = mask.putArray("values");
        for (T value : values) {
            if (value instanceof Integer n) {
                v.add(n);
            } else {
                v.add(String.valueOf(value));
            }
        }
        ArrayNode c = mask.putArray("counts");
        counts.forEach(c::add);
        return mask;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
