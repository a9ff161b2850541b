package dev.scaletoolkit.client.file;

import dev.scaletoolkit.client.http.BodyParams;
import dev.scaletoolkit.client.internal.JsonObject;
import java.util.Map;

/** Body of {@code POST /files/import}: a URL Scale fetches. */
public final class FileImportParams extends BodyParams {
    private FileImportParams(JsonObject body) {
        super(body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FileImportParams}; {@code file_url} is required. */
    public static final class Builder extends BodyParams.Builder<Builder> {
        private Builder() {}

        public Builder fileUrl(String url) {
            return set("file_url", url);
        }

        public Builder projectName(String projectName) {
            return set("project_name", projectName);
        }

        public Builder displayName(String displayName) {
            return set("display_name", displayName);
        }

        public Builder referenceId(String referenceId) {
            return set("reference_id", referenceId);
        }

        public Builder metadata(Map<String, ?> metadata) {
            return set("metadata", metadata);
        }

        public FileImportParams build() {
            require("file import", "file_url");
            return new FileImportParams(body);
        }
    }
}
