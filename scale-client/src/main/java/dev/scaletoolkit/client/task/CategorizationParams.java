package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/categorization}: one attachment and the categories to choose from. Build with {@link #builder()}. */
public final class CategorizationParams extends TaskCreateParams {
    private CategorizationParams(JsonObject body) {
        super(TaskType.CATEGORIZATION, body);
    }

    /**
     * Starts the params of a new categorization task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CategorizationParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, CategorizationParams> {
        private Builder() {}

        /**
         * A URL or the text itself (required).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        /**
         * {@code text}, {@code image}, {@code website}… (required).
         *
         * @param value for example {@code image}, {@code video} or {@code text}
         * @return this builder
         */
        public Builder attachmentType(String value) {
            return set("attachment_type", value);
        }

        /**
         * The categories to choose from (required).
         *
         * @param value the category names
         * @return this builder
         */
        public Builder categories(java.util.List<String> value) {
            return set("categories", value);
        }

        /**
         * Whether the labeler may pick more than one category.
         *
         * @param value true to allow several
         * @return this builder
         */
        public Builder allowMultiple(Boolean value) {
            return set("allow_multiple", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.CATEGORIZATION;
        }

        @Override
        protected void check() {
            require("instruction", "what the labeler should decide");
            require("attachment", "a URL or the text itself");
            require("attachment_type", "text, image, website…");
            require("categories", "a non-empty list of categories");
        }

        @Override
        protected CategorizationParams create(JsonObject body) {
            return new CategorizationParams(body);
        }
    }
}
