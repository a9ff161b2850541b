package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/lidarannotation}: time-ordered point-cloud frames and the labels to annotate. Build with {@link #builder()}. */
public final class LidarAnnotationParams extends TaskCreateParams {
    private LidarAnnotationParams(JsonObject body) {
        super(TaskType.LIDARANNOTATION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LidarAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, LidarAnnotationParams> {
        private Builder() {}

        /** Frame URLs in time order (required). */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        /** {@code json} (default) or {@code protobuf}. */
        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        /** Label names or descriptions (required). */
        public Builder labels(java.util.List<?> value) {
            return set("labels", value);
        }

        public Builder metersPerUnit(Double value) {
            return set("meters_per_unit", value);
        }

        public Builder maxDistanceMeters(Double value) {
            return set("max_distance_meters", value);
        }

        public Builder framesPerSecond(Double value) {
            return set("frames_per_second", value);
        }

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
