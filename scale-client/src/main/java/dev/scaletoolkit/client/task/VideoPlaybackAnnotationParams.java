package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/videoplaybackannotation}: a video file and the geometries to track. Build with {@link #builder()}. */
public final class VideoPlaybackAnnotationParams extends TaskCreateParams {
    private VideoPlaybackAnnotationParams(JsonObject body) {
        super(TaskType.VIDEOPLAYBACKANNOTATION, body);
    }

    /**
     * Starts the params of a new videoplaybackannotation task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VideoPlaybackAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, VideoPlaybackAnnotationParams> {
        private Builder() {}

        /**
         * The video URL (mp4, webm or ogg; required).
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
            return TaskType.VIDEOPLAYBACKANNOTATION;
        }

        @Override
        protected void check() {
            require("attachment", "the video URL");
            require("geometries", "an object with at least one geometry");
        }

        @Override
        protected VideoPlaybackAnnotationParams create(JsonObject body) {
            return new VideoPlaybackAnnotationParams(body);
        }
    }
}
