package dev.scaletoolkit.client.batch;

import dev.scaletoolkit.client.http.BodyParams;
import dev.scaletoolkit.client.internal.JsonObject;
import java.util.Map;

/** Body of {@code POST /batches}. {@code project} and {@code name} are required. */
public final class BatchCreateParams extends BodyParams {
    private BatchCreateParams(JsonObject body) {
        super(body);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return string("name");
    }

    /** Builds {@link BatchCreateParams}. */
    public static final class Builder extends BodyParams.Builder<Builder> {
        private Builder() {}

        public Builder project(String project) {
            return set("project", project);
        }

        /** Unique among all the account's batches. */
        public Builder name(String name) {
            return set("name", name);
        }

        /** URL or e-mail notified when the batch completes. */
        public Builder callback(String callback) {
            return set("callback", callback);
        }

        public Builder calibrationBatch(boolean calibration) {
            return set("calibration_batch", calibration);
        }

        public Builder selfLabelBatch(boolean selfLabel) {
            return set("self_label_batch", selfLabel);
        }

        public Builder metadata(Map<String, ?> metadata) {
            return set("metadata", metadata);
        }

        public BatchCreateParams build() {
            require("batch", "project");
            require("batch", "name");
            return new BatchCreateParams(body);
        }
    }
}
