package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/videoannotation}: frames or a video, and the geometries to track. Build with {@link #builder()}. */
public final class VideoAnnotationParams extends TaskCreateParams {
    private VideoAnnotationParams(JsonObject body) {
        super(TaskType.VIDEOANNOTATION, body);
    }

    /**
     * Starts the params of a new videoannotation task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VideoAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, VideoAnnotationParams> {
        private Builder() {}

        /**
         * Frame image URLs.
         *
         * @param value the attachments
         * @return this builder
         */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        /**
         * A video URL (with attachment type {@code video}).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        /**
         * What kind of attachment the task carries.
         *
         * @param value for example {@code image}, {@code video} or {@code text}
         * @return this builder
         */
        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        /**
         * Which shapes to draw, for which labels (required).
         *
         * @param value the shapes, built with {@link Geometries}
         * @return this builder
         */
        public Builder geometries(Geometries value) {
            return set("geometries", value);
        }

        /**
         * Events the labeler marks along the timeline.
         *
         * @param value the event names
         * @return this builder
         */
        public Builder eventsToAnnotate(java.util.List<String> value) {
            return set("events_to_annotate", value);
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

        /**
         * How many frames per second of the video to annotate.
         *
         * @param value frames per second
         * @return this builder
         */
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
