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

    /**
     * Starts a filter with nothing set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No filter: every task.
     *
     * @return empty params
     */
    public static TaskListParams none() {
        return builder().build();
    }

    /**
     * The same filters, starting at another page.
     *
     * @param nextToken a {@code next_token} from an earlier page
     * @return a copy; these params are unchanged
     */
    public TaskListParams withNextToken(String nextToken) {
        Builder b = toBuilder();
        b.query.removeIf(e -> e.getKey().equals("next_token"));
        return b.nextToken(nextToken).build();
    }

    /**
     * The same filters with another page size.
     *
     * @param limit 1 to 100
     * @return a copy; these params are unchanged
     */
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

    /**
     * A builder starting from these filters.
     *
     * @return a new builder
     */
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

        /**
         * Only the tasks of this project.
         *
         * @param project the project name
         * @return this builder
         */
        public Builder project(String project) {
            return add("project", project);
        }

        /**
         * Only the tasks of this batch.
         *
         * @param batch the batch name
         * @return this builder
         */
        public Builder batch(String batch) {
            return add("batch", batch);
        }

        /**
         * Only tasks in this status.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(TaskStatus status) {
            return add("status", status);
        }

        /**
         * Only tasks of this type.
         *
         * @param type the task type
         * @return this builder
         */
        public Builder type(TaskType type) {
            return add("type", type);
        }

        /**
         * Only tasks created at or after this instant.
         *
         * @param t the earliest creation time
         * @return this builder
         */
        public Builder createdAfter(Instant t) {
            return time("start_time", t);
        }

        /**
         * Only tasks created before this instant.
         *
         * @param t the latest creation time
         * @return this builder
         */
        public Builder createdBefore(Instant t) {
            return time("end_time", t);
        }

        /**
         * Only tasks completed at or after this instant.
         *
         * @param t the earliest completion time
         * @return this builder
         */
        public Builder completedAfter(Instant t) {
            return time("completed_after", t);
        }

        /**
         * Only tasks completed before this instant.
         *
         * @param t the latest completion time
         * @return this builder
         */
        public Builder completedBefore(Instant t) {
            return time("completed_before", t);
        }

        /**
         * Only tasks changed after this instant: the filter for incremental sync.
         *
         * @param t the last sync time
         * @return this builder
         */
        public Builder updatedAfter(Instant t) {
            return time("updated_after", t);
        }

        /**
         * Only tasks last changed before this instant.
         *
         * @param t the latest change time
         * @return this builder
         */
        public Builder updatedBefore(Instant t) {
            return time("updated_before", t);
        }

        /**
         * Only tasks whose customer review is in one of these states.
         *
         * @param statuses the review states, sent comma-separated
         * @return this builder
         */
        public Builder customerReviewStatus(Collection<ReviewStatus> statuses) {
            return add(
                    "customer_review_status",
                    String.join(",", statuses.stream().map(ReviewStatus::value).toList()));
        }

        /**
         * Only the tasks with these unique ids (the key is repeated once per id).
         *
         * @param ids the unique ids
         * @return this builder
         */
        public Builder uniqueIds(Collection<String> ids) {
            ids.forEach(id -> add("unique_id", id));
            return this;
        }

        /**
         * Only tasks carrying these tags (the key is repeated once per tag).
         *
         * @param tags the tags
         * @return this builder
         */
        public Builder tags(Collection<String> tags) {
            tags.forEach(t -> add("tags", t));
            return this;
        }

        /**
         * Whether each task carries a signed URL of its attachment.
         *
         * @param include true to include it
         * @return this builder
         */
        public Builder includeAttachmentUrl(boolean include) {
            return add("include_attachment_url", include);
        }

        /**
         * Whether Scale leaves the bulky fields (params, response) out of each task.
         *
         * @param limited true for the short form
         * @return this builder
         */
        public Builder limitedResponse(boolean limited) {
            return add("limited_response", limited);
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
                throw new IllegalArgumentException("tasks list: 'limit' must be between 1 and 100, got " + limit);
            }
            return add("limit", limit);
        }

        /**
         * Where the page starts; the auto-pager moves it for you.
         *
         * @param token a {@code next_token} from an earlier page
         * @return this builder
         */
        public Builder nextToken(String token) {
            return add("next_token", token);
        }

        /**
         * Any query parameter this SDK has no setter for.
         *
         * @param key the wire name
         * @param value its value; null leaves it out
         * @return this builder
         */
        public Builder putExtraParam(String key, String value) {
            return add(key, value);
        }

        /**
         * Builds the filter.
         *
         * @return the params
         */
        public TaskListParams build() {
            return new TaskListParams(query);
        }
    }
}
