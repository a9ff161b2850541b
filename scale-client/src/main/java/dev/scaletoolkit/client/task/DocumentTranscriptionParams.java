package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/documenttranscription}: a document (one URL or pages) and the features to transcribe. Build with {@link #builder()}. */
public final class DocumentTranscriptionParams extends TaskCreateParams {
    private DocumentTranscriptionParams(JsonObject body) {
        super(TaskType.DOCUMENTTRANSCRIPTION, body);
    }

    /**
     * Starts the params of a new documenttranscription task.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DocumentTranscriptionParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, DocumentTranscriptionParams> {
        private Builder() {}

        /**
         * A single document URL.
         *
         * @param value the URL
         * @return this builder
         */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        /**
         * The pages of a multi-page document.
         *
         * @param value the attachments
         * @return this builder
         */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        /**
         * What to transcribe: the blocks, fields or tables to find.
         *
         * @param value feature definitions as Scale describes them
         * @return this builder
         */
        public Builder features(java.util.List<java.util.Map<String, ?>> value) {
            return set("features", value);
        }

        /**
         * {@code box} (default) or {@code polygon}.
         *
         * @param value the geometry name
         * @return this builder
         */
        public Builder geometry(String value) {
            return set("geometry", value);
        }

        /**
         * The document's language, a hint for the transcription.
         *
         * @param value a language code
         * @return this builder
         */
        public Builder lang(String value) {
            return set("lang", value);
        }

        @Override
        protected TaskType type() {
            return TaskType.DOCUMENTTRANSCRIPTION;
        }

        @Override
        protected void check() {
            if (!has("attachment") && !has("attachments")) {
                invalid("attachment", "is required (or 'attachments' for several pages)");
            }
        }

        @Override
        protected DocumentTranscriptionParams create(JsonObject body) {
            return new DocumentTranscriptionParams(body);
        }
    }
}
