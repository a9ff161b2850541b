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

    public static Builder builder() {
        return new Builder();
    }

    public static BatchListParams none() {
        return builder().build();
    }

    BatchListParams withOffset(int offset) {
        return new BatchListParams(replaced("offset", offset));
    }

    /** Builds {@link BatchListParams}. */
    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {}

        public Builder project(String project) {
            return add("project", project);
        }

        public Builder status(BatchStatus status) {
            return add("status", status);
        }

        public Builder createdAfter(Instant t) {
            return add("start_time", ScaleTime.format(t));
        }

        public Builder createdBefore(Instant t) {
            return add("end_time", ScaleTime.format(t));
        }

        public Builder completedAfter(Instant t) {
            return add("completed_after", ScaleTime.format(t));
        }

        public Builder completedBefore(Instant t) {
            return add("completed_before", ScaleTime.format(t));
        }

        public Builder excludeArchived(boolean exclude) {
            return add("exclude_archived", exclude);
        }

        public Builder detailed(boolean detailed) {
            return add("detailed", detailed);
        }

        /** Page size, 1 to 100. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("batches list: 'limit' must be between 1 and 100, got " + limit);
            }
            return replace("limit", limit);
        }

        public Builder offset(int offset) {
            return replace("offset", offset);
        }

        public BatchListParams build() {
            return new BatchListParams(query);
        }
    }
}
