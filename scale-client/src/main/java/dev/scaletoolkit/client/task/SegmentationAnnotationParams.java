package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/segmentannotation}: an image to segment pixel by pixel into labels. Build with {@link #builder()}. */
public final class SegmentationAnnotationParams extends TaskCreateParams {
    private SegmentationAnnotationParams(JsonObject body) {
        super(TaskType.SEGMENTANNOTATION, body);
    }

    /**
     * Starts the params of a new segmentannotation task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SegmentationAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, SegmentationAnnotationParams> {
        private Builder() {}

        /**
         * The image URL (required).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        /**
         * Label names or {@link LabelDescription}s (required).
         *
         * @param value label names or descriptions
         * @return this builder
         */
        public Builder labels(java.util.List<?> value) {
            return set("labels", value);
        }

        /**
         * Whether pixels may be left without a label.
         *
         * @param value true to allow unlabeled pixels
         * @return this builder
         */
        public Builder allowUnlabeled(Boolean value) {
            return set("allow_unlabeled", value);
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
