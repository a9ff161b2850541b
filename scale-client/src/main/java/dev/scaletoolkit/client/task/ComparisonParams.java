package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/comparison}: two or more attachments to compare. Build with {@link #builder()}. */
public final class ComparisonParams extends TaskCreateParams {
    private ComparisonParams(JsonObject body) {
        super(TaskType.COMPARISON, body);
    }

    /**
     * Starts the params of a new comparison task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ComparisonParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, ComparisonParams> {
        private Builder() {}

        /**
         * At least two (required).
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
         * The answers the labeler chooses between.
         *
         * @param value the choices
         * @return this builder
         */
        public Builder choices(java.util.List<String> value) {
            return set("choices", value);
        }

        /**
         * The questions the labeler answers.
         *
         * @param value the field definitions
         * @return this builder
         */
        public Builder fields(java.util.Map<String, ?> value) {
            return set("fields", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.COMPARISON;
        }

        @Override
        protected void check() {
            require("instruction", "what the labeler should compare");
            if (!body.has("attachments") || body.get("attachments").size() < 2) {
                invalid("attachments", "needs at least two attachments to compare");
            }
        }

        @Override
        protected ComparisonParams create(JsonObject body) {
            return new ComparisonParams(body);
        }
    }
}
