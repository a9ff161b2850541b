package dev.scaletoolkit.client.quality;

import dev.scaletoolkit.client.http.QueryParams;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Filters of {@code GET /quality/labelers}; at least one of the task ids or e-mails is required. */
public final class LabelerListParams extends QueryParams {
    private LabelerListParams(List<Map.Entry<String, String>> query) {
        super(query);
    }

    /**
     * Starts a labelers filter.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    LabelerListParams withNextToken(String token) {
        return new LabelerListParams(replaced("next_token", token));
    }

    /** Builds {@link LabelerListParams}. */
    public static final class Builder extends QueryParams.Builder<Builder> {
        private Builder() {}

        /**
         * Only attempts at these quality tasks (the key is repeated once per id).
         *
         * @param ids the quality task ids
         * @return this builder
         */
        public Builder qualityTaskIds(Collection<String> ids) {
            ids.forEach(id -> add("quality_task_ids", id));
            return this;
        }

        /**
         * Only attempts by these labelers (the key is repeated once per address).
         *
         * @param emails the labelers' e-mail addresses
         * @return this builder
         */
        public Builder labelerEmails(Collection<String> emails) {
            emails.forEach(e -> add("labeler_emails", e));
            return this;
        }

        /**
         * The page size.
         *
         * @param limit attempts per page
         * @return this builder
         */
        public Builder limit(int limit) {
            return replace("limit", limit);
        }

        /**
         * Where the page starts; the auto-pager moves it for you.
         *
         * @param token a {@code next_token} from an earlier page
         * @return this builder
         */
        public Builder nextToken(String token) {
            return replace("next_token", token);
        }

        /**
         * Checks that a filter is set and builds.
         *
         * @return the params
         * @throws IllegalArgumentException when neither task ids nor e-mails are given
         */
        public LabelerListParams build() {
            boolean filtered = query.stream()
                    .anyMatch(e ->
                            e.getKey().equals("quality_task_ids") || e.getKey().equals("labeler_emails"));
            if (!filtered) {
                throw new IllegalArgumentException(
                        "quality labelers: give 'quality_task_ids' or 'labeler_emails' (at least one)");
            }
            return new LabelerListParams(query);
        }
    }
}
