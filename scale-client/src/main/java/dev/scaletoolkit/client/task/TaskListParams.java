package dev.scaletoolkit.client.task;

import dev.scaletoolkit.model.ScaleTime;
import dev.scaletoolkit.model.task.ReviewStatus;
import dev.scaletoolkit.model.task.TaskStatus;
import dev.scaletoolkit.model.task.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Filters of {@code GET /tasks}. All optional; combine freely. Immutable; build with {@link #builder()}. */
public final class TaskListParams {
    private final List<Map.Entry<String, String>> query;

    private TaskListParams(List<Map.Entry<String, String>> query) {
        this.query = List.copyOf(query);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TaskListParams none() {
        return builder().build();
    }

    /** The same filters, starting at another page. */
    public TaskListParams withNextToken(String nextToken) {
        Builder b = toBuilder();
        b.query.removeIf(e -> e.getKey().equals("next_token"));
        return b.nextToken(nextToken).build();
    }

    public TaskListParams withLimit(int limit) {
        Builder b = toBuilder();
        b.query.removeIf(e -> e.getKey().equals("limit"));
        return b.limit(limit).build();
    }

    /**
     * The query parameters, in order.
     *
     * @return name and value pairs
     */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.query.addAll(query);
        return b;
    }

    /** Builds {@link TaskListParams}. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> query = new ArrayList<>();

        private Builder() {}

        private Builder add(String key, Object value) {
            if (value != null) {
                query.add(Map.entry(key, value.toString()));
            }
            return this;
        }

        private Builder time(String key, Instant value) {
            return add(key, value == null ? null : ScaleTime.format(value));
        }

        public Builder project(String project) {
            return add("project", project);
        }

        public Builder batch(String batch) {
            return add("batch", batch);
        }

        public Builder status(TaskStatus status) {
            return add("status", status);
        }

        public Builder type(TaskType type) {
            return add("type", type);
        }

        /** Created at or after. */
        public Builder createdAfter(Instant t) {
            return time("start_time", t);
        }

        /** Created before. */
        public Builder createdBefore(Instant t) {
            return time("end_time", t);
        }

        public Builder completedAfter(Instant t) {
            return time("completed_after", t);
        }

        public Builder completedBefore(Instant t) {
            return time("completed_before", t);
        }

        /** Changed after: the filter for incremental sync. */
        public Builder updatedAfter(Instant t) {
            return time("updated_after", t);
        }

        public Builder updatedBefore(Instant t) {
            return time("updated_before", t);
        }

        public Builder customerReviewStatus(Collection<ReviewStatus> statuses) {
            return add(
                    "customer_review_status",
                    String.join(",", statuses.stream().map(ReviewStatus::value).toList()));
        }

        /** One or several unique ids (repeated key). */
        public Builder uniqueIds(Collection<String> ids) {
            ids.forEach(id -> add("unique_id", id));
            return this;
        }

        public Builder tags(Collection<String> tags) {
            tags.forEach(t -> add("tags", t));
            return this;
        }

        public Builder includeAttachmentUrl(boolean include) {
            return add("include_attachment_url", include);
        }

        public Builder limitedResponse(boolean limited) {
            return add("limited_response", limited);
        }

        /** Page size, 1 to 100. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("tasks list: 'limit' must be between 1 and 100, got " + limit);
            }
            return add("limit", limit);
        }

        public Builder nextToken(String token) {
            return add("next_token", token);
        }

        /** Any query parameter this SDK has no setter for. */
        public Builder putExtraParam(String key, String value) {
            return add(key, value);
        }

        public TaskListParams build() {
            return new TaskListParams(query);
        }
    }
}
