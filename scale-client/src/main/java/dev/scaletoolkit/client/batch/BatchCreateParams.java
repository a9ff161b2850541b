package dev.scaletoolkit.client.batch;

import dev.scaletoolkit.client.http.BodyParams;
import dev.scaletoolkit.client.internal.JsonObject;
import java.util.Map;

/** Body of {@code POST /batches}. {@code project} and {@code name} are required. */
public final class BatchCreateParams extends BodyParams {
    private BatchCreateParams(JsonObject body) {
        super(body);
    }

    /**
     * Starts the params of a new batch.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The batch name these params create.
     *
     * @return the name
     */
    public String name() {
        return string("name");
    }

    /** Builds {@link BatchCreateParams}. */
    public static final class Builder extends BodyParams.Builder<Builder> {
        private Builder() {}

        /**
         * The project the batch belongs to (required).
         *
         * @param project the project name
         * @return this builder
         */
        public Builder project(String project) {
            return set("project", project);
        }

        /**
         * The batch name (required), unique among all the account's batches.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            return set("name", name);
        }

        /**
         * Where Scale reports that the batch completed.
         *
         * @param callback a URL or an e-mail address
         * @return this builder
         */
        public Builder callback(String callback) {
            return set("callback", callback);
        }

        /**
         * Whether the batch calibrates the workforce (Rapid) before production batches.
         *
         * @param calibration true for a calibration batch
         * @return this builder
         */
        public Builder calibrationBatch(boolean calibration) {
            return set("calibration_batch", calibration);
        }

        /**
         * Whether your own team labels the batch (Rapid).
         *
         * @param selfLabel true for a self-label batch
         * @return this builder
         */
        public Builder selfLabelBatch(boolean selfLabel) {
            return set("self_label_batch", selfLabel);
        }

        /**
         * Your own data, returned with the batch.
         *
         * @param metadata a JSON object's worth of keys and values
         * @return this builder
         */
        public Builder metadata(Map<String, ?> metadata) {
            return set("metadata", metadata);
        }

        /**
         * Checks the required fields and builds.
         *
         * @return the params
         * @throws IllegalArgumentException naming a missing {@code project} or {@code name}
         */
        public BatchCreateParams build() {
            require("batch", "project");
            require("batch", "name");
            return new BatchCreateParams(body);
        }
    }
}
