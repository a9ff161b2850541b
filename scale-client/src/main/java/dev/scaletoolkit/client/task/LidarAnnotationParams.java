package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/lidarannotation}: time-ordered point-cloud frames and the labels to annotate. Build with {@link #builder()}. */
public final class LidarAnnotationParams extends TaskCreateParams {
    private LidarAnnotationParams(JsonObject body) {
        super(TaskType.LIDARANNOTATION, body);
    }

    /**
     * Starts the params of a new lidarannotation task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LidarAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, LidarAnnotationParams> {
        private Builder() {}

        /**
         * Frame URLs in time order (required).
         *
         * @param value the attachments
         * @return this builder
         */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        /**
         * {@code json} (default) or {@code protobuf}.
         *
         * @param value for example {@code image}, {@code video} or {@code text}
         * @return this builder
         */
        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        /**
         * Label names or descriptions (required).
         *
         * @param value label names or descriptions
         * @return this builder
         */
        public Builder labels(java.util.List<?> value) {
            return set("labels", value);
        }

        /**
         * The scale of the point coordinates.
         *
         * @param value meters per coordinate unit
         * @return this builder
         */
        public Builder metersPerUnit(Double value) {
            return set("meters_per_unit", value);
        }

        /**
         * Points farther than this from the sensor are left out.
         *
         * @param value the distance in meters
         * @return this builder
         */
        public Builder maxDistanceMeters(Double value) {
            return set("max_distance_meters", value);
        }

        /**
         * The rate at which the lidar frames were captured.
         *
         * @param value frames per second
         * @return this builder
         */
        public Builder framesPerSecond(Double value) {
            return set("frames_per_second", value);
        }

        /**
         * Extra questions the labeler answers about each annotation.
         *
         * @param value attribute names to their definitions
         * @return this builder
         */
        public Builder annotationAttributes(java.util.Map<String, ?> value) {
            return set("annotation_attributes", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.LIDARANNOTATION;
        }

        @Override
        protected void check() {
            require("attachments", "a non-empty list of frame URLs");
            require("labels", "a non-empty list of labels");
        }

        @Override
        protected LidarAnnotationParams create(JsonObject body) {
            return new LidarAnnotationParams(body);
        }
    }
}
