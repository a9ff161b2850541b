package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireValue;

/** The {@code geometries} of an image or video task: which shapes labelers may draw, for which labels. */
public final class Geometries {
    private final JsonObject json;

    private Geometries(JsonObject json) {
        this.json = json;
    }

    /**
     * Starts empty geometries.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Boxes only, for these labels: the common case.
     *
     * @param labels the labels to box
     * @return the geometries
     */
    public static Geometries boxes(String... labels) {
        return builder().box(Geometry.objects(labels).build()).build();
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

    /**
     * Whether no geometry is set.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return json.isEmpty();
    }

    /** Builds {@link Geometries}. */
    public static final class Builder {
        private final JsonObject json = new JsonObject();

        private Builder() {}

        /**
         * Lets labelers draw boxes.
         *
         * @param g the labels and constraints, from {@link Geometry#objects(String...)}
         * @return this builder
         */
        public Builder box(Geometry g) {
            return put("box", g);
        }

        /**
         * Lets labelers draw polygons.
         *
         * @param g the labels and constraints, from {@link Geometry#objects(String...)}
         * @return this builder
         */
        public Builder polygon(Geometry g) {
            return put("polygon", g);
        }

        /**
         * Lets labelers draw lines.
         *
         * @param g the labels and constraints, from {@link Geometry#objects(String...)}
         * @return this builder
         */
        public Builder line(Geometry g) {
            return put("line", g);
        }

        /**
         * Lets labelers draw points.
         *
         * @param g the labels and constraints, from {@link Geometry#objects(String...)}
         * @return this builder
         */
        public Builder point(Geometry g) {
            return put("point", g);
        }

        /**
         * Lets labelers draw cuboids.
         *
         * @param g the labels and constraints, from {@link Geometry#objects(String...)}
         * @return this builder
         */
        public Builder cuboid(Geometry g) {
            return put("cuboid", g);
        }

        /**
         * Lets labelers draw ellipses.
         *
         * @param g the labels and constraints, from {@link Geometry#objects(String...)}
         * @return this builder
         */
        public Builder ellipse(Geometry g) {
            return put("ellipse", g);
        }

        /**
         * A geometry kind this SDK does not name.
         *
         * @param kind the wire name
         * @param g its options
         * @return this builder
         */
        public Builder put(String kind, Geometry g) {
            json.put(kind, g.json());
            return this;
        }

        /**
         * Checks that one geometry at least is set and builds.
         *
         * @return the geometries
         * @throws IllegalArgumentException when none is set
         */
        public Geometries build() {
            if (json.isEmpty()) {
                throw new IllegalArgumentException(
                        "geometries: add at least one of box, polygon, line, point, cuboid, ellipse");
            }
            return new Geometries(json.copy());
        }
    }
}
