package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;

/** The {@code geometries} of an image or video task: which shapes labelers may draw, for which labels. */
public final class Geometries {
    private final JsonObject json;

    private Geometries(JsonObject json) {
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Boxes only, for these labels. */
    public static Geometries boxes(String... labels) {
        return builder().box(Geometry.objects(labels).build()).build();
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

    public boolean isEmpty() {
        return json.isEmpty();
    }

    /** Builds {@link Geometries}. */
    public static final class Builder {
        private final JsonObject json = new JsonObject();

        private Builder() {}

        public Builder box(Geometry g) {
            return put("box", g);
        }

        public Builder polygon(Geometry g) {
            return put("polygon", g);
        }

        public Builder line(Geometry g) {
            return put("line", g);
        }

        public Builder point(Geometry g) {
            return put("point", g);
        }

        public Builder cuboid(Geometry g) {
            return put("cuboid", g);
        }

        public Builder ellipse(Geometry g) {
            return put("ellipse", g);
        }

        /** A geometry kind this SDK does not name. */
        public Builder put(String kind, Geometry g) {
            json.put(kind, g.json());
            return this;
        }

        public Geometries build() {
            if (json.isEmpty()) {
                throw new IllegalArgumentException(
                        "geometries: add at least one of box, polygon, line, point, cuboid, ellipse");
            }
            return new Geometries(json.copy());
        }
    }
}
