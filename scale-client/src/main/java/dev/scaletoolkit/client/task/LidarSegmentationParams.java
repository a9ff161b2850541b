package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/lidarsegmentation}: frames and labels, or a completed lidar annotation task to start from. Build with {@link #builder()}. */
public final class LidarSegmentationParams extends TaskCreateParams {
    private LidarSegmentationParams(JsonObject body) {
        super(TaskType.LIDARSEGMENTATION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LidarSegmentationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, LidarSegmentationParams> {
        private Builder() {}

        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        public Builder labels(java.util.List<?> value) {
            return set("labels", value);
        }

        /** A completed lidarannotation task to segment. */
        public Builder lidarTask(String value) {
            return set("lidar_task", value);
        }

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
