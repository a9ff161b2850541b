package dev.scaletoolkit.client.file;

import dev.scaletoolkit.client.http.QueryParams;
import java.util.List;
import java.util.Map;

/** Filters of {@code GET /files} (the assets listing, cursor paging). {@code project} is required. */
public final class FileListParams extends QueryParams {
    private FileListParams(List<Map.Entry<String, String>> query) {
        super(query);
    }

    /**
     * Starts a files listing.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    FileListParams withCursor(String cursor) {
        return new FileListParams(replaced("cursor", cursor));
    }

    /** Builds {@link FileListParams}. */
    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {}

        /**
         * The project whose files to list (required).
         *
         * @param project the project name
         * @return this builder
         */
        public Builder project(String project) {
            return replace("project", project);
        }

        /**
         * A metadata filter, passed to Scale as it is.
         *
         * @param metadata the filter
         * @return this builder
         */
        public Builder metadata(String metadata) {
            return replace("metadata", metadata);
        }

        /**
         * The page size.
         *
         * @param limit files per page
         * @return this builder
         */
        public Builder limit(int limit) {
            return replace("limit", limit);
        }

        /**
         * Where the page starts; the auto-pager moves it for you.
         *
         * @param cursor a {@code next_cursor} from an earlier page
         * @return this builder
         */
        public Builder cursor(String cursor) {
            return replace("cursor", cursor);
        }

        /**
         * Checks the required fields and builds.
         *
         * @return the params
         * @throws IllegalArgumentException when {@code project} is missing
         */
        public FileListParams build() {
            if (query.stream().noneMatch(e -> e.getKey().equals("project"))) {
                throw new IllegalArgumentException("files list: 'project' is required");
            }
            return new FileListParams(query);
        }
    }
}
