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

    /**
     * Starts the params of a new project.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectCreateParams}. */
    public static final class Builder extends BodyParams.Builder<Builder> {
        private Builder() {}

        /**
         * The task type every task of the project has (required; it cannot change later).
         *
         * @param type the task type
         * @return this builder
         */
        public Builder type(TaskType type) {
            return set("type", type.value());
        }

        /**
         * The project name (required), unique in the account.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            return set("name", name);
        }

        /**
         * Default task params, which the project's tasks inherit.
         *
         * @param params the params, as Scale names them
         * @return this builder
         */
        public Builder params(Map<String, ?> params) {
            return set("params", params);
        }

        /**
         * Whether this is a Scale Rapid project.
         *
         * @param rapid true for Rapid
         * @return this builder
         */
        public Builder rapid(boolean rapid) {
            return set("rapid", rapid);
        }

        /**
         * Whether this is a Scale Studio project, labeled by your own team.
         *
         * @param studio true for Studio
         * @return this builder
         */
        public Builder studio(boolean studio) {
            return set("studio", studio);
        }

        /**
         * The dataset the project draws from (Rapid).
         *
         * @param datasetId the dataset id
         * @return this builder
         */
        public Builder datasetId(String datasetId) {
            return set("datasetId", datasetId);
        }

        /**
         * How a Studio task is worked.
         *
         * @param pipeline {@code standard_task} or {@code consensus_task}
         * @return this builder
         */
        public Builder pipeline(String pipeline) {
            return set("pipeline", pipeline);
        }

        /**
         * How many labelers attempt each task of a consensus pipeline.
         *
         * @param attempts the number of attempts
         * @return this builder
         */
        public Builder consensusAttempts(int attempts) {
            return set("consensus_attempts", attempts);
        }

        /**
         * Checks the required fields and builds.
         *
         * @return the params
         * @throws IllegalArgumentException naming a missing {@code type} or {@code name}
         */
        public ProjectCreateParams build() {
            require("project", "type");
            require("project", "name");
            return new ProjectCreateParams(body);
        }
    }
}
