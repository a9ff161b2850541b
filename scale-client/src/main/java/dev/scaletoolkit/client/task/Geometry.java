package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireValue;
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

    /**
     * Starts a geometry for these labels.
     *
     * @param labels the labels labelers may give the shapes
     * @return a builder with the labels set
     */
    public static Builder objects(String... labels) {
        return new Builder().objects(Arrays.asList(labels));
    }

    /**
     * Starts a geometry with no label yet.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON Scale receives.
     *
     * @return the options as a JSON object
     */
    @WireValue
    public JsonValue json() {
        return json.toValue();
    }

    /** Builds a {@link Geometry}. */
    public static final class Builder {
        private final JsonObject json = new JsonObject();
        private final List<Object> objects = new ArrayList<>();

        private Builder() {}

        /**
         * Adds labels labelers may give the shapes.
         *
         * @param labels label names
         * @return this builder
         */
        public Builder objects(List<String> labels) {
            objects.addAll(labels);
            return this;
        }

        /**
         * Adds a label with its description or sub-choices.
         *
         * @param label the label
         * @return this builder
         */
        public Builder object(LabelDescription label) {
            objects.add(label);
            return this;
        }

        /**
         * The smallest height a shape may have.
         *
         * @param pixels the height in pixels
         * @return this builder
         */
        public Builder minHeight(int pixels) {
            return put("min_height", pixels);
        }

        /**
         * The smallest width a shape may have.
         *
         * @param pixels the width in pixels
         * @return this builder
         */
        public Builder minWidth(int pixels) {
            return put("min_width", pixels);
        }

        /**
         * The fewest vertices a polygon or line may have.
         *
         * @param count the number of vertices
         * @return this builder
         */
        public Builder minVertices(int count) {
            return put("min_vertices", count);
        }

        /**
         * The most vertices a polygon or line may have.
         *
         * @param count the number of vertices
         * @return this builder
         */
        public Builder maxVertices(int count) {
            return put("max_vertices", count);
        }

        /**
         * Whether boxes may be rotated.
         *
         * @param canRotate true to allow rotation
         * @return this builder
         */
        public Builder canRotate(boolean canRotate) {
            return put("can_rotate", canRotate);
        }

        /**
         * Whether coordinates are whole pixels.
         *
         * @param integerPixels true for whole pixels
         * @return this builder
         */
        public Builder integerPixels(boolean integerPixels) {
            return put("integer_pixels", integerPixels);
        }

        /**
         * Any option this SDK has no setter for.
         *
         * @param key the wire name
         * @param value written as JSON
         * @return this builder
         */
        public Builder put(String key, Object value) {
            json.put(key, value);
            return this;
        }

        /**
         * Checks that one label at least is set and builds.
         *
         * @return the geometry
         * @throws IllegalArgumentException when no label is set
         */
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
