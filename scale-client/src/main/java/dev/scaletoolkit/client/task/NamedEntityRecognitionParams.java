package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/namedentityrecognition}: a text and the entity labels to find in it. Build with {@link #builder()}. */
public final class NamedEntityRecognitionParams extends TaskCreateParams {
    private NamedEntityRecognitionParams(JsonObject body) {
        super(TaskType.NAMEDENTITYRECOGNITION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NamedEntityRecognitionParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, NamedEntityRecognitionParams> {
        private Builder() {}

        /** The text to annotate (required). */
        public Builder text(String value) {
            return set("text", value);
        }

        /** The entity labels (required). */
        public Builder labels(java.util.List<NerLabel> value) {
            return set("labels", value);
        }

        public Builder relationships(Object value) {
            return set("relationships", value);
        }

        public Builder allowOverlappingAnnotations(Boolean value) {
            return set("allow_overlapping_annotations", value);
        }

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
