package dev.scaletoolkit.client.file;

import dev.scaletoolkit.client.http.BodyParams;
import dev.scaletoolkit.client.internal.JsonObject;
import java.util.Map;

/** Body of {@code POST /files/import}: a URL Scale fetches. */
public final class FileImportParams extends BodyParams {
    private FileImportParams(JsonObject body) {
        super(body);
    }

    /**
     * Starts an import.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FileImportParams}; {@code file_url} is required. */
    public static final class Builder extends BodyParams.Builder<Builder> {
        private Builder() {}

        /**
         * The URL Scale fetches the file from (required).
         *
         * @param url a URL Scale can reach
         * @return this builder
         */
        public Builder fileUrl(String url) {
            return set("file_url", url);
        }

        /**
         * The project the file is filed under.
         *
         * @param projectName the project name
         * @return this builder
         */
        public Builder projectName(String projectName) {
            return set("project_name", projectName);
        }

        /**
         * A name to show instead of the file name.
         *
         * @param displayName the name
         * @return this builder
         */
        public Builder displayName(String displayName) {
            return set("display_name", displayName);
        }

        /**
         * Your id for the file; a second import with it is refused.
         *
         * @param referenceId the id
         * @return this builder
         */
        public Builder referenceId(String referenceId) {
            return set("reference_id", referenceId);
        }

        /**
         * Your own data, returned with the file.
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
         * @throws IllegalArgumentException when {@code file_url} is missing
         */
        public FileImportParams build() {
            require("file import", "file_url");
            return new FileImportParams(body);
        }
    }
}
