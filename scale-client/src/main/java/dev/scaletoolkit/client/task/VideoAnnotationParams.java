package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/videoannotation}: frames or a video, and the geometries to track. Build with {@link #builder()}. */
public final class VideoAnnotationParams extends TaskCreateParams {
    private VideoAnnotationParams(JsonObject body) {
        super(TaskType.VIDEOANNOTATION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VideoAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, VideoAnnotationParams> {
        private Builder() {}

        /** Frame image URLs. */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        /** A video URL (with attachment type {@code video}). */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        /** Required. */
        public Builder geometries(Geometries value) {
            return set("geometries", value);
        }

        public Builder eventsToAnnotate(java.util.List<String> value) {
            return set("events_to_annotate", value);
        }

        public Builder annotationAttributes(java.util.Map<String, ?> value) {
            return set("annotation_attributes", value);
        }

        public Builder frameRate(Integer value) {
            return set("frame_rate", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.VIDEOANNOTATION;
        }

        @Override
        protected void check() {
            if (!has("attachments") && !has("attachment")) {
                invalid("attachments", "is required (frame URLs), or 'attachment' for a video");
            }
            require("geometries", "an object with at least one geometry");
        }

        @Override
        protected VideoAnnotationParams create(JsonObject body) {
            return new VideoAnnotationParams(body);
        }
    }
}
