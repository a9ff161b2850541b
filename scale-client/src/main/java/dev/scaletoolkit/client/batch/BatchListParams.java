package dev.scaletoolkit.client.batch;

import dev.scaletoolkit.client.http.QueryParams;
import dev.scaletoolkit.model.ScaleTime;
import dev.scaletoolkit.model.batch.BatchStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Filters of {@code GET /batches} (offset paging, newest first). */
public final class BatchListParams extends QueryParams {
    private BatchListParams(List<Map.Entry<String, String>> query) {
        super(query);
    }

    /**
     * Starts a filter with nothing set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No filter: every batch, newest first.
     *
     * @return empty params
     */
    public static BatchListParams none() {
        return builder().build();
    }

    BatchListParams withOffset(int offset) {
        return new BatchListParams(replaced("offset", offset));
    }

    /** Builds {@link BatchListParams}. */
    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {}

        /**
         * Only the batches of this project.
         *
         * @param project the project name
         * @return this builder
         */
        public Builder project(String project) {
            return add("project", project);
        }

        /**
         * Only batches in this status.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(BatchStatus status) {
            return add("status", status);
        }

        /**
         * Only batches created at or after this instant.
         *
         * @param t the earliest creation time
         * @return this builder
         */
        public Builder createdAfter(Instant t) {
            return add("start_time", ScaleTime.format(t));
        }

        /**
         * Only batches created before this instant.
         *
         * @param t the latest creation time
         * @return this builder
         */
        public Builder createdBefore(Instant t) {
            return add("end_time", ScaleTime.format(t));
        }

        /**
         * Only batches completed at or after this instant.
         *
         * @param t the earliest completion time
         * @return this builder
         */
        public Builder completedAfter(Instant t) {
            return add("completed_after", ScaleTime.format(t));
        }

        /**
         * Only batches completed before this instant.
         *
         * @param t the latest completion time
         * @return this builder
         */
        public Builder completedBefore(Instant t) {
            return add("completed_before", ScaleTime.format(t));
        }

        /**
         * Whether to leave archived batches out.
         *
         * @param exclude true to leave them out
         * @return this builder
         */
        public Builder excludeArchived(boolean exclude) {
            return add("exclude_archived", exclude);
        }

        /**
         * Whether each batch carries its task counts.
         *
         * @param detailed true for counts
         * @return this builder
         */
        public Builder detailed(boolean detailed) {
            return add("detailed", detailed);
        }

        /**
         * The page size.
         *
         * @param limit 1 to 100
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("batches list: 'limit' must be between 1 and 100, got " + limit);
            }
            return replace("limit", limit);
        }

        /**
         * Where the page starts; the auto-pager moves it for you.
         *
         * @param offset the number of batches to skip
         * @return this builder
         */
        public Builder offset(int offset) {
            return replace("offset", offset);
        }

        /**
         * Builds the filter.
         *
         * @return the params
         */
        public BatchListParams build() {
            return new BatchListParams(query);
        }
    }
}
