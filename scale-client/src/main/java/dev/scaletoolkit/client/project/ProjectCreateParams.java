package dev.scaletoolkit.client.project;

import dev.scaletoolkit.client.http.BodyParams;
import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.task.TaskType;
import java.util.Map;

/** Body of {@code POST /projects}. {@code type} and {@code name} are required. */
public final class ProjectCreateParams extends BodyParams {
    private ProjectCreateParams(JsonObject body) {
        super(body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectCreateParams}. */
    public static final class Builder extends BodyParams.Builder<Builder> {
        private Builder() {}

        public Builder type(TaskType type) {
            return set("type", type.value());
        }

        /** Unique in the account. */
        public Builder name(String name) {
            return set("name", name);
        }

        /** Default task params, inherited by the project's tasks. */
        public Builder params(Map<String, ?> params) {
            return set("params", params);
        }

        public Builder rapid(boolean rapid) {
            return set("rapid", rapid);
        }

        public Builder studio(boolean studio) {
            return set("studio", studio);
        }

        public Builder datasetId(String datasetId) {
            return set("datasetId", datasetId);
        }

        /** {@code standard_task} or {@code consensus_task} (Studio). */
        public Builder pipeline(String pipeline) {
            return set("pipeline", pipeline);
        }

        public Builder consensusAttempts(int attempts) {
            return set("consensus_attempts", attempts);
        }

        public ProjectCreateParams build() {
            require("project", "type");
            require("project", "name");
            return new ProjectCreateParams(body);
        }
    }
}
