package dev.scaletoolkit.emulator.response;

import dev.scaletoolkit.emulator.response.GeometryResponses.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Fills in the coordinates of 2D shapes so that every point lies inside the image, in whole pixels. */
final class Shapes {
    private Shapes() {}

    static void box(ObjectNode s, JsonNode spec, Size size, Dice dice) {
        int minW = Math.min(size.width(), Math.max(1, spec.path("min_width").asInt(4)));
        int minH = Math.min(size.height(), Math.max(1, spec.path("min_height").asInt(4)));
        int w = dice.between(Math.max(minW, size.width() / 20), Math.max(minW, size.width() / 2));
        int h = dice.between(Math.max(minH, size.height() / 20), Math.max(minH, size.height() / 2));
        s.put("left", dice.between(0, size.width() - w));
        s.put("top", dice.between(0, size.height() - h));
        s.put("width", w);
        s.put("height", h);
    }

    /** A simple (never self-crossing) polygon: vertices at increasing angles around a centre. */
    static void polygon(ObjectNode s, JsonNode spec, Size size, Dice dice, int minDefault, int maxDefault) {
        int min = Math.max(minDefault, spec.path("min_vertices").asInt(minDefault));
        int max = Math.max(min, Math.min(spec.path("max_vertices").asInt(maxDefault), Math.max(min, maxDefault)));
        int n = dice.between(min, max);
        int radius = Math.max(1, Math.min(size.width(), size.height()) / dice.between(5, 20));
        int cx = dice.between(radius, size.width() - 1 - radius);
        int cy = dice.between(radius, size.height() - 1 - radius);
        ArrayNode vertices = s.putArray("vertices");
        double step = 2 * Math.PI / n;
        for (int i = 0; i < n; i++) {
            double angle = i * step + dice.between(0.0, step * 0.5);
            double r = radius * dice.between(0.6, 1.0);
            vertex(vertices, cx + r * Math.cos(angle), cy + r * Math.sin(angle), size);
        }
    }

    static void line(ObjectNode s, JsonNode spec, Size size, Dice dice) {
        int min = Math.max(2, spec.path("min_vertices").asInt(2));
        int max = Math.max(min, spec.path("max_vertices").asInt(Math.max(min, 5)));
        int n = dice.between(min, Math.min(max, Math.max(min, 8)));
        ArrayNode vertices = s.putArray("vertices");
        for (int i = 0; i < n; i++) {
            vertex(vertices, dice.between(0, size.width() - 1), dice.between(0, size.height() - 1), size);
        }
    }

    /** A 2D cuboid: a front face and the two corners of the visible side face behind it. */
    static void cuboid(ObjectNode s, Size size, Dice dice) {
        int w = dice.between(Math.max(2, size.width() / 20), Math.max(2, size.width() / 4));
        int h = dice.between(Math.max(2, size.height() / 20), Math.max(2, size.height() / 4));
        int dx = dice.between(1, Math.max(1, w / 3));
        int dy = dice.between(1, Math.max(1, h / 3));
        int left = dice.between(0, Math.max(0, size.width() - 1 - w - dx));
        int top = dice.between(dy, Math.max(dy, size.height() - 1 - h));
        ArrayNode vertices = s.putArray("vertices");
        named(vertices, left, top, "face-topleft", size);
        named(vertices, left, top + h, "face-bottomleft", size);
        named(vertices, left + w, top, "face-topright", size);
        named(vertices, left + w, top + h, "face-bottomright", size);
        named(vertices, left + w + dx, top - dy, "side-topcorner", size);
        named(vertices, left + w + dx, top + h - dy, "side-bottomcorner", size);
    }

    /** An axis-aligned ellipse with its four extreme points as vertices, as Scale returns them. */
    static void ellipse(ObjectNode s, Size size, Dice dice) {
        int rx = dice.between(1, Math.max(1, size.width() / 8));
        int ry = dice.between(1, Math.max(1, size.height() / 8));
        int x = dice.between(rx, size.width() - 1 - rx);
        int y = dice.between(ry, size.height() - 1 - ry);
        s.put("x", x);
        s.put("y", y);
        s.put("rx", rx);
        s.put("ry", ry);
        s.put("rotation", 0);
        ArrayNode vertices = s.putArray("vertices");
        named(vertices, x - rx, y, "left", size);
        named(vertices, x, y - ry, "top", size);
        named(vertices, x + rx, y, "right", size);
        named(vertices, x, y + ry, "bottom", size);
    }

    /** Moves a shape by up to (dx, dy), less where that would push it out of the image. */
    static void drift(ObjectNode s, int dx, int dy, Size size) {
        int[] box = bounds(s);
        dx = Math.max(-box[0], Math.min(dx, size.width() - 1 - box[2]));
        dy = Math.max(-box[1], Math.min(dy, size.height() - 1 - box[3]));
        shift(s, "left", dx);
        shift(s, "top", dy);
        shift(s, "x", dx);
        shift(s, "y", dy);
        for (JsonNode v : s.path("vertices")) {
            shift((ObjectNode) v, "x", dx);
            shift((ObjectNode) v, "y", dy);
        }
    }

    /** {minX, minY, maxX, maxY} over every coordinate the shape has. */
    static int[] bounds(JsonNode s) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        if (s.has("left")) {
            include(box, s.get("left").asInt(), s.get("top").asInt());
            include(
                    box,
                    s.get("left").asInt() + s.get("width").asInt(),
                    s.get("top").asInt() + s.get("height").asInt());
        }
        if (s.has("x")) {
            int rx = s.path("rx").asInt(0);
            int ry = s.path("ry").asInt(0);
            include(box, s.get("x").asInt() - rx, s.get("y").asInt() - ry);
            include(box, s.get("x").asInt() + rx, s.get("y").asInt() + ry);
        }
        for (JsonNode v : s.path("vertices")) {
            include(box, v.path("x").asInt(), v.path("y").asInt());
        }
        return box;
    }

    private static void include(int[] box, int x, int y) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
    }

    private static void shift(ObjectNode s, String field, int by) {
        if (s.has(field)) {
            s.put(field, s.get(field).asInt() + by);
        }
    }

    private static void vertex(ArrayNode vertices, double x, double y, Size size) {
        ObjectNode v = vertices.addObject();
        v.put("x", clamp((int) Math.round(x), size.width() - 1));
        v.put("y", clamp((int) Math.round(y), size.height() - 1));
    }

    private static void named(ArrayNode vertices, int x, int y, String name, Size size) {
        ObjectNode v = vertices.addObject();
        v.put("x", clamp(x, size.width() - 1));
        v.put("y", clamp(y, size.height() - 1));
        v.put("type", name);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
