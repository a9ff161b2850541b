package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;

/** Parameters of {@code POST /task/documenttranscription}: a document (one URL or pages) and the features to transcribe. Build with {@link #builder()}. */
public final class DocumentTranscriptionParams extends TaskCreateParams {
    private DocumentTranscriptionParams(JsonObject body) {
        super(TaskType.DOCUMENTTRANSCRIPTION, body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DocumentTranscriptionParams}; {@code build()} names the first missing required field. */
    public static final class Builder extends TaskCreateParams.Builder<Builder, DocumentTranscriptionParams> {
        private Builder() {}

        /** A single document URL. */
        public Builder attachment(String value) {
            return set("attachment", value);
        }

        /** The pages of a multi-page document. */
        public Builder attachments(java.util.List<String> value) {
            return set("attachments", value);
        }

        public Builder features(java.util.List<java.util.Map<String, ?>> value) {
            return set("features", value);
        }

        /** {@code box} (default) or {@code polygon}. */
        public Builder geometry(String value) {
            return set("geometry", value);
        }

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
