package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of one geometry (box, polygon, line, point, cuboid, ellipse) of an image or video task: the labels
 * to draw and the geometry's constraints. Immutable; {@link #objects(String...)} starts one.
 */
public final class Geometry {
    private final JsonObject json;

    private Geometry(JsonObject json) {
        this.json = json;
    }

    /** A geometry for these labels. */
    public static Builder objects(String... labels) {
        return new Builder().objects(Arrays.asList(labels));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON Scale receives.
     *
     * @return the options as a JSON object
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public JsonValue json() {
        return json.toValue();
    }

    /** Builds a {@link Geometry}. */
    public static final class Builder {
        private final JsonObject json = new JsonObject();
        private final List<Object> objects = new ArrayList<>();

        private Builder() {}

        public Builder objects(List<String> labels) {
            objects.addAll(labels);
            return this;
        }

        public Builder object(LabelDescription label) {
            objects.add(label);
            return this;
        }

        public Builder minHeight(int pixels) {
            return put("min_height", pixels);
        }

        public Builder minWidth(int pixels) {
            return put("min_width", pixels);
        }

        public Builder minVertices(int count) {
            return put("min_vertices", count);
        }

        public Builder maxVertices(int count) {
            return put("max_vertices", count);
        }

        public Builder canRotate(boolean canRotate) {
            return put("can_rotate", canRotate);
        }

        public Builder integerPixels(boolean integerPixels) {
            return put("integer_pixels", integerPixels);
        }

        /** Any option this SDK has no setter for. */
        public Builder put(String key, Object value) {
            json.put(key, value);
            return this;
        }

        public Geometry build() {
            if (objects.isEmpty()) {
                throw new IllegalArgumentException("geometry: 'objects_to_annotate' needs at least one label");
            }
            JsonObject out = json.copy();
            out.put("objects_to_annotate", objects);
            return new Geometry(out);
        }
    }
}
