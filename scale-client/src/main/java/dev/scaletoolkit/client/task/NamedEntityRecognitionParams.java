package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/namedentityrecognition}: a text and the entity labels to find in it. Build with {@link #builder()}. */
public final class NamedEntityRecognitionParams extends TaskCreateParams {
    private NamedEntityRecognitionParams(JsonObject body) {
        super(TaskType.NAMEDENTITYRECOGNITION, body);
    }

    /**
     * Starts the params of a new namedentityrecognition task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NamedEntityRecognitionParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, NamedEntityRecognitionParams> {
        private Builder() {}

        /**
         * The text to annotate (required).
         *
         * @param value the text
         * @return this builder
         */
        public Builder text(String value) {
            return set("text", value);
        }

        /**
         * The entity labels (required).
         *
         * @param value label names or descriptions
         * @return this builder
         */
        public Builder labels(java.util.List<NerLabel> value) {
            return set("labels", value);
        }

        /**
         * Relations the labeler may draw between entities.
         *
         * @param value the relationship definitions
         * @return this builder
         */
        public Builder relationships(Object value) {
            return set("relationships", value);
        }

        /**
         * Whether two entity spans may overlap.
         *
         * @param value true to allow overlaps
         * @return this builder
         */
        public Builder allowOverlappingAnnotations(Boolean value) {
            return set("allow_overlapping_annotations", value);
        }

        /**
         * The attachments, in order.
         *
         * @param value the attachments
         * @return this builder
         */
        public Builder attachments(java.util.List<Attachment> value) {
            return set("attachments", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.NAMEDENTITYRECOGNITION;
        }

        @Override
        protected void check() {
            require("text", "the text to annotate");
            require("labels", "a non-empty list of labels ({name, description})");
        }

        @Override
        protected NamedEntityRecognitionParams create(JsonObject body) {
            return new NamedEntityRecognitionParams(body);
        }
    }
}
