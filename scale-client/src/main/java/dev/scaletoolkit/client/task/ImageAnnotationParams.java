package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/imageannotation}: an image and the geometries to draw on it. Build with {@link #builder()}. */
public final class ImageAnnotationParams extends TaskCreateParams {
    private ImageAnnotationParams(JsonObject body) {
        super(TaskType.IMAGEANNOTATION, body);
    }

    /**
     * Starts the params of a new imageannotation task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImageAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, ImageAnnotationParams> {
        private Builder() {}

        /**
         * The image URL (or a {@code scaledata://} file URL).
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
         * Extra questions the labeler answers about each annotation.
         *
         * @param value attribute names to their definitions
         * @return this builder
         */
        public Builder annotationAttributes(java.util.Map<String, ?> value) {
            return set("annotation_attributes", value);
        }

        /**
         * Other images that help the labeler; not the task's own.
         *
         * @param value each a map with the image's {@code attachment} URL
         * @return this builder
         */
        public Builder contextAttachments(java.util.List<java.util.Map<String, String>> value) {
            return set("context_attachments", value);
        }

        /**
         * Annotations the labeler starts from and may correct.
         *
         * @param value annotations in this task type's response format
         * @return this builder
         */
        public Builder baseAnnotations(Object value) {
            return set("base_annotations", value);
        }

        /**
         * Links between annotations the labeler may draw.
         *
         * @param value the link definitions, as Scale describes them
         * @return this builder
         */
        public Builder links(Object value) {
            return set("links", value);
        }

        /**
         * Pixels of margin shown around the image, so objects at its edge can be annotated.
         *
         * @param value the margin in pixels
         * @return this builder
         */
        public Builder padding(Integer value) {
            return set("padding", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.IMAGEANNOTATION;
        }

        @Override
        protected void check() {
            require("attachment", "the image URL");
            require("geometries", "an object with at least one of box, polygon, line, point, cuboid, ellipse");
        }

        @Override
        protected ImageAnnotationParams create(JsonObject body) {
            return new ImageAnnotationParams(body);
        }
    }
}
