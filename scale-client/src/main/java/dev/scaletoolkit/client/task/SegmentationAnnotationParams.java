package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/segmentannotation}: an image to segment pixel by pixel into labels. Build with {@link #builder()}. */
public final class SegmentationAnnotationParams extends TaskCreateParams {
    private SegmentationAnnotationParams(JsonObject body) {
        super(TaskType.SEGMENTANNOTATION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SegmentationAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, SegmentationAnnotationParams> {
        private Builder() {}

        /** The image URL (required). */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        /** Label names or {@link LabelDescription}s (required). */
        public Builder labels(java.util.List<?> value) {
            return set("labels", value);
        }

        public Builder allowUnlabeled(Boolean value) {
            return set("allow_unlabeled", value);
        }

        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        public Builder annotationAttributes(java.util.Map<String, ?> value) {
            return set("annotation_attributes", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.SEGMENTANNOTATION;
        }

        @Override
        protected void check() {
            require("attachment", "the image URL");
            require("labels", "a non-empty list of labels");
        }

        @Override
        protected SegmentationAnnotationParams create(JsonObject body) {
            return new SegmentationAnnotationParams(body);
        }
    }
}
