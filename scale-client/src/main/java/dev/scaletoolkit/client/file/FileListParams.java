package dev.scaletoolkit.client.file;

import dev.scaletoolkit.client.http.QueryParams;
import java.util.List;
import java.util.Map;

/** Filters of {@code GET /files} (the assets listing, cursor paging). {@code project} is required. */
public final class FileListParams extends QueryParams {
    private FileListParams(List<Map.Entry<String, String>> query) {
        super(query);
    }

    public static Builder builder() {
        return new Builder();
    }

    FileListParams withCursor(String cursor) {
        return new FileListParams(replaced("cursor", cursor));
    }

    /** Builds {@link FileListParams}. */
    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {}

        public Builder project(String project) {
            return replace("project", project);
        }

        /** A metadata filter, as Scale accepts it. */
        public Builder metadata(String metadata) {
            return replace("metadata", metadata);
        }

        public Builder limit(int limit) {
            return replace("limit", limit);
        }

        public Builder cursor(String cursor) {
            return replace("cursor", cursor);
        }

        public FileListParams build() {
            if (query.stream().noneMatch(e -> e.getKey().equals("project"))) {
                throw new IllegalArgumentException("files list: 'project' is required");
            }
            return new FileListParams(query);
        }
    }
}
