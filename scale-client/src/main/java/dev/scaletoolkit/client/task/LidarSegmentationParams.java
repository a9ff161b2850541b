package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/lidarsegmentation}: frames and labels, or a completed lidar annotation task to start from. Build with {@link #builder()}. */
public final class LidarSegmentationParams extends TaskCreateParams {
    private LidarSegmentationParams(JsonObject body) {
        super(TaskType.LIDARSEGMENTATION, body);
    }

    /**
     * Starts the params of a new lidarsegmentation task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LidarSegmentationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, LidarSegmentationParams> {
        private Builder() {}

        /**
         * The attachments, in order.
         *
         * @param value the attachments
         * @return this builder
         */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
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
         * The labels to annotate.
         *
         * @param value label names or descriptions
         * @return this builder
         */
        public Builder labels(java.util.List<?> value) {
            return set("labels", value);
        }

        /**
         * A completed lidarannotation task to segment.
         *
         * @param value its task id
         * @return this builder
         */
        public Builder lidarTask(String value) {
            return set("lidar_task", value);
        }

        /**
         * Which frames of the lidar task to segment.
         *
         * @param value frame indexes
         * @return this builder
         */
        public Builder lidarTaskFrames(java.util.List<Integer> value) {
            return set("lidar_task_frames", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.LIDARSEGMENTATION;
        }

        @Override
        protected void check() {
            if (!has("lidar_task")) {
                require("attachments", "a non-empty list of frame URLs (or set 'lidar_task')");
                require("labels", "a non-empty list of labels (or set 'lidar_task')");
            }
        }

        @Override
        protected LidarSegmentationParams create(JsonObject body) {
            return new LidarSegmentationParams(body);
        }
    }
}
