package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/imageannotation}: an image and the geometries to draw on it. Build with {@link #builder()}. */
public final class ImageAnnotationParams extends TaskCreateParams {
    private ImageAnnotationParams(JsonObject body) {
        super(TaskType.IMAGEANNOTATION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImageAnnotationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, ImageAnnotationParams> {
        private Builder() {}

        /** The image URL (or a {@code scaledata://} file URL). */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        /** Which shapes to draw, for which labels (required). */
        public Builder geometries(Geometries value) {
            return set("geometries", value);
        }

        public Builder annotationAttributes(java.util.Map<String, ?> value) {
            return set("annotation_attributes", value);
        }

        /** Other images that help the labeler; not the task's own. */
        public Builder contextAttachments(java.util.List<java.util.Map<String, String>> value) {
            return set("context_attachments", value);
        }

        public Builder baseAnnotations(Object value) {
            return set("base_annotations", value);
        }

        public Builder links(Object value) {
            return set("links", value);
        }

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
