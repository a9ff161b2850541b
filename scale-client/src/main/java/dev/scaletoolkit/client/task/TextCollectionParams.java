package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/textcollection}: the fields labelers fill in, with context attachments. Build with {@link #builder()}. */
public final class TextCollectionParams extends TaskCreateParams {
    private TextCollectionParams(JsonObject body) {
        super(TaskType.TEXTCOLLECTION, body);
    }

    /**
     * Starts the params of a new textcollection task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TextCollectionParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, TextCollectionParams> {
        private Builder() {}

        /**
         * The fields to fill in (required; field ids unique).
         *
         * @param value the field definitions
         * @return this builder
         */
        public Builder fields(java.util.List<TextField> value) {
            return set("fields", value);
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

        /**
         * How many labelers answer each task.
         *
         * @param value the number of answers
         * @return this builder
         */
        public Builder responsesRequired(Integer value) {
            return set("responses_required", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.TEXTCOLLECTION;
        }

        @Override
        protected void check() {
            require("fields", "a non-empty list of fields");
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Object f : body.get("fields").asList()) {
                String id = String.valueOf(((java.util.Map<?, ?>) f).get("field_id"));
                if (!ids.add(id)) {
                    invalid("fields", "has the field_id '" + id + "' twice; field ids must be unique");
                }
            }
        }

        @Override
        protected TextCollectionParams create(JsonObject body) {
            return new TextCollectionParams(body);
        }
    }
}
